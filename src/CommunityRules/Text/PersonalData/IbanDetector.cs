using static CommunityRules.Text.PersonalData.PersonalDataText;

namespace CommunityRules.Text.PersonalData;

/// <summary>
/// IBANs: an upper-case country code from the registry, two check digits and the BBAN (upper-case letters and
/// digits), the country's full length, printed compact or in groups of four separated by single spaces; mod 97 == 1.
/// </summary>
internal static class IbanDetector
{
    /// <summary>The length in the text of the IBAN at <paramref name="start"/> (its country code), or 0.</summary>
    public static int Match(ReadOnlySpan<char> text, int start)
    {
        if (start + 4 > text.Length || !IsDigitAt(text, start + 2) || !IsDigitAt(text, start + 3))
        {
            return 0;
        }

        var ibanLength = IbanRegistry.LengthOf(text[start], text[start + 1]);
        if (ibanLength == 0)
        {
            return 0;
        }

        // The print form puts one space after every four characters; which form it is shows right after the check digits.
        var grouped = start + 4 < text.Length && text[start + 4] == ' ';
        Span<char> iban = stackalloc char[IbanRegistry.MaxLength];
        var position = start;
        for (var i = 0; i < ibanLength; i++)
        {
            if (grouped && i > 0 && i % 4 == 0)
            {
                if (position >= text.Length || text[position] != ' ')
                {
                    return 0;
                }

                position++;
            }

            if (position >= text.Length || !(char.IsAsciiDigit(text[position]) || char.IsAsciiLetterUpper(text[position])))
            {
                return 0;
            }

            iban[i] = text[position++];
        }

        return IsBoundaryAfter(text, position) && Mod97(iban[..ibanLength]) == 1 ? position - start : 0;
    }

    // ISO 7064 mod 97-10 over BBAN + country code + check digits, letters counting as 10–35, one digit at a time.
    private static int Mod97(ReadOnlySpan<char> iban)
    {
        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            remainder = char.IsAsciiDigit(c) ? ((remainder * 10) + (c - '0')) % 97 : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }
}
