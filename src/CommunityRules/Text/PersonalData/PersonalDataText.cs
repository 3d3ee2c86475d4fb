namespace CommunityRules.Text.PersonalData;

/// <summary>Helpers the detectors share: reading digits, boundaries, dates and the Luhn check.</summary>
internal static class PersonalDataText
{
    private static readonly char[] Letters = TextFolding.For(FoldOptions.Diacritics).AnyTable;

    /// <summary>The number of ASCII digits in a row from <paramref name="start"/>.</summary>
    public static int CountDigits(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - start;
    }

    /// <summary>The number written by <paramref name="count"/> ASCII digits from <paramref name="start"/> (the caller has checked they are digits).</summary>
    public static int ReadNumber(ReadOnlySpan<char> text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }

        return value;
    }

    /// <summary>
    /// A letter for comparing cue words and mailbox names: lower case, with accents taken off (å, ä, á → a; ö, ø, ó → o;
    /// é → e; ü → u; æ stays), by the shared <see cref="TextFolding"/> policy, so the same everywhere.
    /// </summary>
    public static char FoldLetter(char c) => Letters[c];

    public static bool IsDigitAt(ReadOnlySpan<char> text, int index) => index >= 0 && index < text.Length && char.IsAsciiDigit(text[index]);

    /// <summary>
    /// Whether a value may start at <paramref name="start"/>: not after a letter or digit, and not after a decimal
    /// point or comma that follows a digit (so "1.0701234567" is an amount, not a phone number).
    /// </summary>
    public static bool IsBoundaryBefore(ReadOnlySpan<char> text, int start)
    {
        if (start == 0)
        {
            return true;
        }

        var previous = text[start - 1];
        return !char.IsLetterOrDigit(previous) && !(previous is '.' or ',' && IsDigitAt(text, start - 2));
    }

    /// <summary>Whether a value may end at <paramref name="end"/>: the mirror of <see cref="IsBoundaryBefore"/>.</summary>
    public static bool IsBoundaryAfter(ReadOnlySpan<char> text, int end)
    {
        if (end >= text.Length)
        {
            return true;
        }

        var next = text[end];
        return !char.IsLetterOrDigit(next) && !(next is '.' or ',' && IsDigitAt(text, end + 1));
    }

    /// <summary>Whether the date exists; <paramref name="year"/> is a full year.</summary>
    public static bool IsValidDate(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>
    /// Whether the date exists when only the last two digits of the year are known. Reading them as 20YY lets
    /// 29 February through in every year divisible by four, since the century that would rule out 1900 is unknown.
    /// </summary>
    public static bool IsValidDateInAnyCentury(int yearOfCentury, int month, int day) => IsValidDate(2000 + yearOfCentury, month, day);

    /// <summary>The Luhn (mod 10) check over digit values, the last being the check digit.</summary>
    public static bool IsLuhnValid(ReadOnlySpan<byte> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = digits[i];
            if (doubled)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    /// <summary>Copies the digit values of <paramref name="text"/>, skipping anything else; returns how many were copied, or -1 when they do not fit.</summary>
    public static int CopyDigits(ReadOnlySpan<char> text, Span<byte> into)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == into.Length)
                {
                    return -1;
                }

                into[count++] = (byte)(c - '0');
            }
        }

        return count;
    }
}
