"""English dates as the portal has always written them (day month year, 24-hour clock); the
other languages use Django's formats for their locale. Templates name these formats
(``{{ value|date:"DATE_FORMAT" }}``) instead of spelling a pattern, so each language gets its
own order and words."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "H:i"
