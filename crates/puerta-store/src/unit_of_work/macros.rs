//! One SQL text, two connection types. Each macro expands its body once per backend, so the
//! same query and binds type-check against SQLite and PostgreSQL alike.

/// `on!(conn, c => body)`: runs `body` with `c` bound to the backend's `&mut &mut Connection`.
macro_rules! on {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::unit_of_work::Conn::Sqlite($c) => $body,
            $crate::unit_of_work::Conn::Postgres($c) => $body,
        }
    };
}

/// Executes a statement and answers the number of rows it changed.
macro_rules! exec {
    ($conn:expr, $sql:expr $(, $bind:expr)* $(,)?) => {
        $crate::unit_of_work::on!($conn, c => sqlx::query($sql)$(.bind($bind))*.execute(&mut **c).await
            .map(|done| done.rows_affected()))
    };
}

/// At most one row, as `$row` (a `FromRow` type or a tuple).
macro_rules! fetch_optional {
    ($conn:expr, $row:ty, $sql:expr $(, $bind:expr)* $(,)?) => {
        $crate::unit_of_work::on!($conn, c => sqlx::query_as::<_, $row>($sql)$(.bind($bind))*
            .fetch_optional(&mut **c).await)
    };
}

/// Exactly one row.
macro_rules! fetch_one {
    ($conn:expr, $row:ty, $sql:expr $(, $bind:expr)* $(,)?) => {
        $crate::unit_of_work::on!($conn, c => sqlx::query_as::<_, $row>($sql)$(.bind($bind))*
            .fetch_one(&mut **c).await)
    };
}

/// Every row.
macro_rules! fetch_all {
    ($conn:expr, $row:ty, $sql:expr $(, $bind:expr)* $(,)?) => {
        $crate::unit_of_work::on!($conn, c => sqlx::query_as::<_, $row>($sql)$(.bind($bind))*
            .fetch_all(&mut **c).await)
    };
}

/// `refusable!(conn_expr, c => statement)`: runs a statement the database may refuse (a unique
/// index, an invariant trigger) inside a savepoint, so that a refusal undoes that statement only,
/// the same on both backends. PostgreSQL would otherwise abort the whole transaction, and a later
/// commit would store nothing while answering Ok.
macro_rules! refusable {
    ($conn:expr, $c:ident => $statement:expr) => {{
        let $c = $conn;
        $crate::unit_of_work::exec!(&mut *$c, "SAVEPOINT refusable")?;
        let result = $statement;
        let end =
            if result.is_ok() { "RELEASE SAVEPOINT refusable" } else { "ROLLBACK TO SAVEPOINT refusable" };
        $crate::unit_of_work::exec!(&mut *$c, end)?;
        if result.is_err() {
            $crate::unit_of_work::exec!(&mut *$c, "RELEASE SAVEPOINT refusable")?;
        }
        result
    }};
}

pub(crate) use {exec, fetch_all, fetch_one, fetch_optional, on, refusable};
