using System.Globalization;

namespace CommunityRules.Tests;

/// <summary>
/// Cultures for the tests that prove nothing formats or parses by the current culture. Where the runtime can create
/// the named culture (ICU loaded), that culture; with invariant globalization only the invariant culture exists, so a
/// writable copy of it with the settings that break culture-dependent code stands in: a decimal comma, a narrow space
/// between thousands, U+2212 as the minus sign, day-first dates with dots, times with dots and other AM/PM names. The
/// test then still fails on a <c>ToString()</c> or <c>Parse</c> that forgets the invariant culture.
/// </summary>
internal static class TestCultures
{
    /// <summary>Gets the named culture, or the stand-in when the runtime has no cultures.</summary>
    public static CultureInfo Get(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return StandIn(name);
        }
    }

    /// <summary>Makes the named culture (or its stand-in) the current culture and UI culture until disposed.</summary>
    public static IDisposable Use(string name) => new Scope(Get(name));

    private static CultureInfo StandIn(string name)
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var numbers = culture.NumberFormat;
        numbers.NumberDecimalSeparator = numbers.CurrencyDecimalSeparator = numbers.PercentDecimalSeparator = ",";
        numbers.NumberGroupSeparator = numbers.CurrencyGroupSeparator = numbers.PercentGroupSeparator = "\u202F";
        numbers.NegativeSign = "\u2212";
        numbers.PercentSymbol = "\u066A";
        var dates = culture.DateTimeFormat;
        dates.DateSeparator = ".";
        dates.TimeSeparator = ".";
        dates.ShortDatePattern = "dd.MM.yyyy";
        dates.LongDatePattern = "dddd d. MMMM yyyy";
        dates.ShortTimePattern = "HH.mm";
        dates.LongTimePattern = "HH.mm.ss";
        dates.AMDesignator = "ص";
        dates.PMDesignator = "م";
        dates.FirstDayOfWeek = name.StartsWith("ar", StringComparison.Ordinal) ? DayOfWeek.Saturday : DayOfWeek.Monday;
        return culture;
    }

    private sealed class Scope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public Scope(CultureInfo culture) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
