using static CommunityRules.Text.PersonalData.PersonalDataText;

namespace CommunityRules.Text.PersonalData;

/// <summary>
/// Phone numbers in the formats people write in the Nordics, kept narrow so that years, dates, times, amounts and
/// version numbers are not taken for phone numbers.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>International (E.164): <c>+</c> or <c>00</c>, a country code not starting with 0, then 8–15 digits
/// in all, grouped by single spaces, hyphens or dots, with at most one parenthesised group:
/// <c>+46 70 123 45 67</c>, <c>+47 912 34 567</c>, <c>+358 40 123 4567</c>, <c>+45 12 34 56 78</c>,
/// <c>+46 (0)70-123 45 67</c>, <c>0046 70-123 45 67</c>, <c>+46701234567</c>.</description></item>
/// <item><description>Sweden and Finland: a leading 0 (not 00) and 9–10 digits, grouped by single spaces or hyphens
/// with an area code of 2–4 digits first: <c>070-123 45 67</c>, <c>08-123 456 78</c>, <c>040 123 4567</c>,
/// <c>050-1234567</c>. Without grouping only mobile numbers count: <c>07</c> and 10 digits (Sweden),
/// <c>04</c> or <c>050</c> and 9–10 digits (Finland).</description></item>
/// <item><description>Norway and Denmark: 8 digits not starting with 0 in a phone's grouping: pairs split by
/// single spaces (<c>12 34 56 78</c>, <c>91 23 45 67</c>) or, for Norwegian mobiles starting with 4 or 9,
/// <c>912 34 567</c>. A grouping that is the tail of a longer run of groups ("4 12 23 34 45 56") is not one.</description></item>
/// <item><description>Ungrouped 8 digits not starting with 0 or 1 (<c>91234567</c>, <c>20123456</c>) are order, ticket and account numbers
/// as often as phone numbers: they are reported with <c>needsCue</c>, and count only after a phone word
/// (<see cref="PersonalDataCues"/>).</description></item>
/// </list>
/// </remarks>
internal static class PhoneDetector
{
    private const int MaxGroups = 8;

    /// <summary>The length of the phone number at <paramref name="start"/> (a '+' or a digit), or 0.</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">Where the number would start.</param>
    /// <param name="needsCue">Set when the number counts only after a phone word: 8 digits in a row.</param>
    public static int Match(ReadOnlySpan<char> text, int start, out bool needsCue)
    {
        needsCue = false;
        if (text[start] == '+')
        {
            return MatchInternational(text, start, start + 1);
        }

        if (text[start] == '0' && IsDigitAt(text, start + 1))
        {
            return text[start + 1] == '0' ? MatchInternational(text, start, start + 2) : MatchNational(text, start);
        }

        return MatchEightDigits(text, start, out needsCue);
    }

    private static int MatchInternational(ReadOnlySpan<char> text, int start, int digitsStart)
    {
        if (!IsDigitAt(text, digitsStart) || text[digitsStart] == '0')
        {
            return 0;
        }

        var position = digitsStart;
        var digits = 0;
        var parentheses = 0;
        var open = false;
        while (true)
        {
            var group = CountDigits(text, position);
            digits += group;
            position += group;

            // Between groups: an optional ')', one optional space, hyphen or dot, and an optional '('.
            var next = position;
            var closes = open && next < text.Length && text[next] == ')';
            next += closes ? 1 : 0;
            next += next < text.Length && text[next] is ' ' or '-' or '.' ? 1 : 0;
            var opens = !open && !closes && parentheses == 0 && next < text.Length && text[next] == '(';
            next += opens ? 1 : 0;
            if (next == position || !IsDigitAt(text, next))
            {
                break;
            }

            open = (open && !closes) || opens;
            parentheses += opens ? 1 : 0;
            position = next;
        }

        return !open && digits is >= 8 and <= 15 && IsBoundaryAfter(text, position) ? position - start : 0;
    }

    private static int MatchNational(ReadOnlySpan<char> text, int start)
    {
        Span<int> groups = stackalloc int[MaxGroups];
        var end = ReadGroups(text, start, groups, out var groupCount, out _);
        if (end == 0)
        {
            return 0;
        }

        var digits = Sum(groups[..groupCount]);
        if (digits is < 9 or > 10)
        {
            return 0;
        }

        if (groupCount == 1)
        {
            var mobile = (text[start + 1] == '7' && digits == 10) || text[start + 1] == '4' || (text[start + 1] == '5' && text[start + 2] == '0');
            return mobile ? end - start : 0;
        }

        if (groups[0] is < 2 or > 4)
        {
            return 0;
        }

        for (var i = 1; i < groupCount; i++)
        {
            if (groups[i] < 2)
            {
                return 0;
            }
        }

        return end - start;
    }

    private static int MatchEightDigits(ReadOnlySpan<char> text, int start, out bool needsCue)
    {
        needsCue = false;
        Span<int> groups = stackalloc int[MaxGroups];
        var end = ReadGroups(text, start, groups, out var groupCount, out var hyphens);
        if (end == 0 || hyphens || Sum(groups[..groupCount]) != 8 || text[start] == '0')
        {
            return 0;
        }

        if (groupCount == 1)
        {
            // Neither country gives out subscriber numbers starting with 1.
            if (text[start] == '1')
            {
                return 0;
            }

            needsCue = true;
            return end - start;
        }

        var norwegianMobile = text[start] is '4' or '9' && groupCount == 3 && groups[0] == 3 && groups[1] == 2;
        var pairs = groupCount == 4 && groups[0] == 2 && groups[1] == 2 && groups[2] == 2;
        var tailOfLongerRun = start >= 2 && text[start - 1] == ' ' && char.IsAsciiDigit(text[start - 2]);
        return (norwegianMobile || pairs) && !tailOfLongerRun ? end - start : 0;
    }

    // Reads digit groups split by single spaces or hyphens; returns the end, or 0 when there are too many groups or the end is no boundary.
    private static int ReadGroups(ReadOnlySpan<char> text, int start, Span<int> groups, out int groupCount, out bool hyphens)
    {
        groupCount = 0;
        hyphens = false;
        var position = start;
        while (true)
        {
            if (groupCount == groups.Length)
            {
                return 0;
            }

            var group = CountDigits(text, position);
            groups[groupCount++] = group;
            position += group;
            if (position + 1 >= text.Length || text[position] is not (' ' or '-') || !IsDigitAt(text, position + 1))
            {
                break;
            }

            hyphens |= text[position] == '-';
            position++;
        }

        return IsBoundaryAfter(text, position) ? position : 0;
    }

    private static int Sum(ReadOnlySpan<int> values)
    {
        var sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}
