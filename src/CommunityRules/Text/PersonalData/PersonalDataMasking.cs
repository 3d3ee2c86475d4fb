namespace CommunityRules.Text.PersonalData;

/// <summary>
/// Hides the identifying part of a value found by the scanner so a finding can quote it: letters and digits become
/// '*', separators stay so the value keeps its shape. What stays visible, per kind:
/// <list type="bullet">
/// <item><description>National identity numbers: the birth date part only (<c>850101-****</c>, <c>131052-****</c>);
/// the Finnish century sign stays as it says no more than the date.</description></item>
/// <item><description>Payment cards: the last four digits (<c>**** **** **** 1111</c>).</description></item>
/// <item><description>IBANs: country code, check digits and the last four characters, or the last two when the
/// BBAN is shorter than 16 (<c>SE45 **** **** **** **** 7466</c>).</description></item>
/// <item><description>E-mail: the first character of the local part and the domain (<c>a***@example.com</c>).</description></item>
/// <item><description>Phone: the country code or area code and at most the first digits of the subscriber number,
/// always hiding at least six digits (<c>+46 70 *** ** **</c>, <c>070-*** ** **</c>).</description></item>
/// </list>
/// </summary>
internal static class PersonalDataMasking
{
    private const char Hidden = '*';
    private const int MinHidden = 4;

    public static string Mask(PersonalDataKinds kind, ReadOnlySpan<char> value)
    {
        var significant = CountSignificant(value);
        return kind switch
        {
            PersonalDataKinds.Email => MaskEmail(value),
            PersonalDataKinds.Personnummer => KeepSignificant(value, significant >= 12 ? 8 : 6, 0),
            PersonalDataKinds.Fodselsnummer or PersonalDataKinds.Cpr => KeepSignificant(value, 6, 0),
            PersonalDataKinds.Hetu => MaskHetu(value),
            PersonalDataKinds.Iban => KeepSignificant(value, 4, significant - 4 >= 16 ? 4 : 2),
            PersonalDataKinds.PaymentCard => KeepSignificant(value, 0, 4),
            PersonalDataKinds.Phone => KeepSignificant(value, PhoneDigitsToKeep(value, significant), 0),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a single kind of personal data."),
        };
    }

    // Keeps the first and last letters and digits; whatever is asked, at least four stay hidden, should a short value come in.
    private static string KeepSignificant(ReadOnlySpan<char> value, int first, int last)
    {
        var significant = CountSignificant(value);
        var visible = Math.Max(0, significant - MinHidden);
        first = Math.Min(first, visible);
        last = Math.Min(last, visible - first);
        Span<char> masked = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        var index = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsLetterOrDigit(c))
            {
                masked[i] = index < first || index >= significant - last ? c : Hidden;
                index++;
            }
            else
            {
                masked[i] = c;
            }
        }

        return new string(masked);
    }

    private static string MaskHetu(ReadOnlySpan<char> value)
    {
        // DDMMYY and the century sign, which may be a letter; the individual number and check character are hidden.
        const int Kept = 7;
        if (value.Length < Kept + MinHidden)
        {
            return new string(Hidden, value.Length);
        }

        return string.Concat(value[..Kept], new string(Hidden, value.Length - Kept));
    }

    private static string MaskEmail(ReadOnlySpan<char> value)
    {
        var at = value.LastIndexOf('@');
        if (at <= 0)
        {
            return new string(Hidden, value.Length);
        }

        // A fixed number of stars, so the mask does not give away the local part's length; a one-letter local part shows nothing.
        return string.Concat(at > 1 ? value[..1] : [], "***", value[at..]);
    }

    // International: the country code and the next group (area or mobile prefix); national: the first group.
    private static int PhoneDigitsToKeep(ReadOnlySpan<char> value, int significant)
    {
        var international = value.StartsWith("+", StringComparison.Ordinal) || value.StartsWith("00", StringComparison.Ordinal);
        var groupsToKeep = international ? 2 : 1;
        var kept = 0;
        var groups = 0;
        var inGroup = false;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (!inGroup)
                {
                    if (groups == groupsToKeep)
                    {
                        break;
                    }

                    groups++;
                    inGroup = true;
                }

                kept++;
            }
            else
            {
                inGroup = false;
            }
        }

        return Math.Max(0, Math.Min(kept, significant - 6));
    }

    private static int CountSignificant(ReadOnlySpan<char> value)
    {
        var count = 0;
        foreach (var c in value)
        {
            count += char.IsLetterOrDigit(c) ? 1 : 0;
        }

        return count;
    }
}
