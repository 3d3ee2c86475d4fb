namespace CommunityRules.Text.PersonalData;

/// <summary>The IBAN length of every country in the SWIFT IBAN registry (ISO 13616), 89 countries.</summary>
internal static class IbanRegistry
{
    // Indexed by the two letters of the country code; 0 where the country issues no IBAN. Built once from the list below.
    private static readonly byte[] Lengths = BuildLengths(
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 " +
        "EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23 IQ23 IS26 " +
        "IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 " +
        "NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 " +
        "SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30");

    /// <summary>The shortest IBAN in the registry (Norway).</summary>
    public const int MinLength = 15;

    /// <summary>The longest IBAN in the registry (Russia).</summary>
    public const int MaxLength = 33;

    /// <summary>The IBAN length of the country whose upper-case ASCII code is <paramref name="first"/><paramref name="second"/>, or 0.</summary>
    public static int LengthOf(char first, char second) =>
        char.IsAsciiLetterUpper(first) && char.IsAsciiLetterUpper(second) ? Lengths[((first - 'A') * 26) + (second - 'A')] : 0;

    /// <summary>Gets the number of countries in the registry.</summary>
    public static int CountryCount => Lengths.Count(length => length > 0);

    private static byte[] BuildLengths(string entries)
    {
        var lengths = new byte[26 * 26];
        foreach (var entry in entries.Split(' '))
        {
            lengths[((entry[0] - 'A') * 26) + (entry[1] - 'A')] = byte.Parse(entry.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);
        }

        return lengths;
    }
}
