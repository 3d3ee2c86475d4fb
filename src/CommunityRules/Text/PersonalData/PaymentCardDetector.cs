using static CommunityRules.Text.PersonalData.PersonalDataText;

namespace CommunityRules.Text.PersonalData;

/// <summary>
/// Payment card numbers: 13–19 digits, compact or in groups (the first of four digits, the others of 2–6) split by
/// single spaces or single hyphens, one kind throughout; Luhn valid and with a known issuer's prefix and length.
/// </summary>
internal static class PaymentCardDetector
{
    private const int MaxDigits = 19;

    /// <summary>The length of the card number at <paramref name="start"/>, or 0.</summary>
    public static int Match(ReadOnlySpan<char> text, int start)
    {
        Span<byte> digits = stackalloc byte[MaxDigits];
        var count = 0;
        var separator = '\0';
        var position = start;
        while (true)
        {
            var group = CountDigits(text, position);
            if (count + group > MaxDigits || (separator != '\0' && group is < 2 or > 6))
            {
                return 0;
            }

            for (var i = 0; i < group; i++)
            {
                digits[count++] = (byte)(text[position + i] - '0');
            }

            position += group;

            // Another group follows only after the same single separator, and only if the first group has four
            // digits; otherwise the number ends here ("4111111111111111 12" is a card number and a 12).
            if (position + 1 >= text.Length || !IsDigitAt(text, position + 1) || text[position] is not (' ' or '-')
                || (separator != '\0' && text[position] != separator) || (separator == '\0' && group != 4))
            {
                break;
            }

            separator = text[position];
            position++;
        }

        var number = digits[..count];
        return count >= 13 && IsBoundaryAfter(text, position) && IsKnownIssuer(number) && IsLuhnValid(number) ? position - start : 0;
    }

    // Issuer identification ranges of the main networks with the lengths they issue, so that random Luhn-valid runs mostly fail.
    private static bool IsKnownIssuer(ReadOnlySpan<byte> digits)
    {
        var length = digits.Length;
        var two = (digits[0] * 10) + digits[1];
        var three = (two * 10) + digits[2];
        var four = (three * 10) + digits[3];
        return digits[0] switch
        {
            4 => length is 13 or 16 or 19, // Visa
            2 => (four is >= 2221 and <= 2720 && length == 16) || (four is >= 2200 and <= 2204 && length is >= 16 and <= 19), // Mastercard, Mir
            3 => (two is 34 or 37 && length == 15) // American Express
                || ((two is 36 or 38 || three is >= 300 and <= 305) && length is >= 14 and <= 19) // Diners Club
                || (four is >= 3528 and <= 3589 && length is >= 16 and <= 19), // JCB
            5 => (two is >= 51 and <= 55 && length == 16) || (two is 50 or >= 56 && length >= 13), // Mastercard, Maestro
            6 => length >= 13, // Discover (6011, 644–649, 65), UnionPay (62), Maestro (56–69)
            _ => false,
        };
    }
}
