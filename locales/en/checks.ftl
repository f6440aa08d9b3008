# Case checks (officer-only) and the administrators' watchlist.
# Variables: $line a line number of the uploaded file; $entries, $groups, $threshold counts;
# $score a whole percent; $birth a checks-birth-* sentence; $date a date of birth as listed.
checks-nav-watchlist = Watchlist
checks-watchlist-title = Watchlist
checks-watchlist-intro = Case checks compare every traveler with this list by name and date of birth. A match is a lead for the officer; it never decides a case. Uploading a file replaces the whole list.
checks-watchlist-current = People on the list now:
checks-watchlist-none = No list has been uploaded yet.
checks-watchlist-file-label = CSV file
checks-watchlist-file-hint = UTF-8. The first line is full_name,date_of_birth, then one person per line. Write the date of birth as YYYY-MM-DD, only the year, or leave it empty. At most 5 MB and 100,000 lines.
checks-watchlist-submit = Replace the list
checks-notice-replaced = The watchlist was replaced. Open cases show the new list's results when their checks run again.
checks-error-file-required = Choose a CSV file.
checks-error-too-large = The file is larger than 5 MB.
checks-error-too-many-rows = The file has more than 100,000 lines.
checks-error-header = Line 1 must be exactly: full_name,date_of_birth
checks-error-empty = There is nobody in the file.
checks-error-not-utf8 = Line { $line }: the text is not UTF-8. Save the file as "CSV UTF-8".
checks-error-columns = Line { $line }: give exactly two values, the full name and the date of birth.
checks-error-name = Line { $line }: the full name is missing or not valid.
checks-error-date-of-birth = Line { $line }: write the date of birth as YYYY-MM-DD, only the year (YYYY), or leave it empty.
checks-error-unreadable = Line { $line }: this line cannot be read (check the quotation marks). The lines after it were not checked.
checks-reason-no_watchlist = No watchlist has been uploaded yet.
checks-reason-watchlist_searched = None of the { $entries } people on the watchlist matches.
checks-reason-watchlist_match = Matches "{ $name }" on the watchlist (name similarity { $score } %). { $birth }
checks-birth-exact = The date of birth is the same.
checks-birth-day_month_swapped = The list gives { $date }: the same date with day and month swapped.
checks-birth-same_year = The list gives only the year, { $date }, and it is the same.
checks-birth-not_listed = The list gives no date of birth.
checks-reason-no_other_open_case = No other open case has this name and date of birth.
checks-reason-same_person_open_case = Open case { $reference } has the same name and date of birth.
checks-reason-shared_address = { $groups } unrelated groups give this US address. From { $threshold } on, this is a hit.
