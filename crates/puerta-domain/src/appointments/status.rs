//! The states of draws, requests and appointments, as stored and as the API names them.

macro_rules! states {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$(Self::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)*
                }
            }

            /// The state named `text`, or `None`.
            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|s| s.as_str() == text)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

states! {
    /// A day's draw: requests are taken (`open`), the list is fixed when the window closes
    /// (`frozen`, its digest published), then the draw runs once (`drawn`, everything published).
    DrawStatus {
        Open => "open",
        Frozen => "frozen",
        Drawn => "drawn",
    }
}

states! {
    /// A group's request for one draw.
    RequestStatus {
        /// Waiting for the draw.
        Requested => "requested",
        /// Taken back by the account holder before the window closed.
        Withdrawn => "withdrawn",
        /// Offered a place (by the draw or, later, from the waitlist).
        Selected => "selected",
        /// Not placed: on the port's waitlist in draw order, for places given back.
        Waitlisted => "waitlisted",
    }
}

states! {
    /// An appointment, from the offer to the port day.
    AppointmentStatus {
        /// Offered; to be confirmed before `offer_expires_at`.
        Offered => "offered",
        /// Confirmed with a location check and photos; has a confirmation number.
        Confirmed => "confirmed",
        /// Not confirmed in time: the places went to the next group on the waitlist.
        Expired => "expired",
        /// Cancelled by the traveler: the places went to the next group on the waitlist.
        Cancelled => "cancelled",
        /// At least one traveler of the group arrived at the port.
        CheckedIn => "checked_in",
        /// Nobody of the group came: the group may request again.
        NoShow => "no_show",
    }
}

impl AppointmentStatus {
    /// Whether the appointment still holds its places (offered or confirmed).
    pub fn holds_places(self) -> bool {
        matches!(self, Self::Offered | Self::Confirmed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_reads_back_from_its_name() {
        for s in DrawStatus::ALL {
            assert_eq!(DrawStatus::parse(s.as_str()), Some(*s));
        }
        for s in RequestStatus::ALL {
            assert_eq!(RequestStatus::parse(s.as_str()), Some(*s));
        }
        for s in AppointmentStatus::ALL {
            assert_eq!(AppointmentStatus::parse(s.as_str()), Some(*s));
        }
        assert_eq!(AppointmentStatus::parse("booked"), None);
        assert!(AppointmentStatus::Offered.holds_places() && !AppointmentStatus::Expired.holds_places());
    }
}
