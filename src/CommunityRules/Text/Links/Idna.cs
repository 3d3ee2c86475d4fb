using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace CommunityRules.Text.Links;

/// <summary>
/// Host names between their Unicode and ASCII (punycode) forms by our own code: RFC 3492 Punycode and the parts of
/// IDNA (UTS #46, STD3 rules) that host names in posts and rule files need, so domains compare the same with or
/// without ICU. Mapping is lower case by <see cref="TextFolding"/>, full-width letters, digits and full stops as
/// their ASCII forms; a label may hold letters, digits, combining marks (not first) and inner hyphens. Not done:
/// Unicode normalization (NFC), compatibility mappings beyond full width, and the bidi and joiner rules.
/// </summary>
internal static class Idna
{
    private const int MaxHostLength = 253;
    private const int MaxLabelLength = 63;
    private const string AcePrefix = "xn--";

    // RFC 3492, section 5: the parameters of Punycode.
    private const int Base = 36;
    private const int TMin = 1;
    private const int TMax = 26;
    private const int Skew = 38;
    private const int Damp = 700;
    private const int InitialBias = 72;
    private const int InitialN = 0x80;

    /// <summary>
    /// The ASCII form of a host ("xn--rksmrgs-5wao1o.se" for "Räksmörgås.SE"), lower case, without a trailing dot; false
    /// when the host is not a valid name under STD3 rules (an underscore, an empty label, a label starting or ending with
    /// '-', a punycode label that does not decode to a valid Unicode label, or too long).
    /// </summary>
    public static bool TryGetAscii(ReadOnlySpan<char> host, [NotNullWhen(true)] out string? ascii)
    {
        ascii = null;
        var mapped = Map(host);
        if (mapped.EndsWith('.'))
        {
            mapped = mapped[..^1];
        }

        if (mapped.Length == 0)
        {
            return false;
        }

        var result = new StringBuilder(mapped.Length + 8);
        foreach (var label in mapped.Split('.'))
        {
            if (!TryLabelToAscii(label, out var asciiLabel))
            {
                return false;
            }

            if (result.Length > 0)
            {
                result.Append('.');
            }

            result.Append(asciiLabel);
        }

        if (result.Length > MaxHostLength)
        {
            return false;
        }

        ascii = result.ToString();
        return true;
    }

    /// <summary>The Unicode form of a host already in valid ASCII form, lower case ("bücher.example" for "XN--BCHER-KVA.example").</summary>
    public static string ToUnicode(string ascii)
    {
        var result = new StringBuilder(ascii.Length);
        foreach (var label in ascii.Split('.'))
        {
            if (result.Length > 0)
            {
                result.Append('.');
            }

            if (IsAce(label) && TryDecode(label.AsSpan(AcePrefix.Length), out var decoded))
            {
                foreach (var codePoint in decoded)
                {
                    result.Append(char.ConvertFromUtf32(codePoint));
                }
            }
            else
            {
                result.Append(TextFolding.ToLower(label));
            }
        }

        return result.ToString();
    }

    /// <summary>Punycode of a sequence of code points (RFC 3492, section 6.3), without the "xn--" prefix.</summary>
    internal static bool TryEncode(IReadOnlyList<int> input, [NotNullWhen(true)] out string? output)
    {
        output = null;
        var result = new StringBuilder();
        foreach (var codePoint in input)
        {
            if (codePoint < InitialN)
            {
                result.Append((char)codePoint);
            }
        }

        var basic = result.Length;
        var handled = basic;
        if (basic > 0)
        {
            result.Append('-');
        }

        var n = InitialN;
        var delta = 0;
        var bias = InitialBias;
        while (handled < input.Count)
        {
            var next = int.MaxValue;
            foreach (var codePoint in input)
            {
                if (codePoint >= n && codePoint < next)
                {
                    next = codePoint;
                }
            }

            if (next - n > (int.MaxValue - delta) / (handled + 1))
            {
                return false;
            }

            delta += (next - n) * (handled + 1);
            n = next;
            foreach (var codePoint in input)
            {
                if (codePoint < n && ++delta == 0)
                {
                    return false;
                }

                if (codePoint != n)
                {
                    continue;
                }

                var q = delta;
                for (var k = Base; ; k += Base)
                {
                    var t = Threshold(k, bias);
                    if (q < t)
                    {
                        break;
                    }

                    result.Append(Digit(t + ((q - t) % (Base - t))));
                    q = (q - t) / (Base - t);
                }

                result.Append(Digit(q));
                bias = Adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled++;
            }

            delta++;
            n++;
        }

        output = result.ToString();
        return true;
    }

    /// <summary>The code points of a Punycode string (RFC 3492, section 6.2), without the "xn--" prefix.</summary>
    internal static bool TryDecode(ReadOnlySpan<char> input, [NotNullWhen(true)] out List<int>? output)
    {
        output = null;
        var result = new List<int>(input.Length);
        var delimiter = input.LastIndexOf('-');
        for (var j = 0; j < Math.Max(delimiter, 0); j++)
        {
            if (input[j] >= InitialN)
            {
                return false;
            }

            result.Add(input[j]);
        }

        var n = InitialN;
        var i = 0;
        var bias = InitialBias;
        for (var position = delimiter > 0 ? delimiter + 1 : 0; position < input.Length;)
        {
            var oldI = i;
            var w = 1;
            for (var k = Base; ; k += Base)
            {
                if (position >= input.Length)
                {
                    return false;
                }

                var digit = DigitValue(input[position++]);
                if (digit < 0 || digit > (int.MaxValue - i) / w)
                {
                    return false;
                }

                i += digit * w;
                var t = Threshold(k, bias);
                if (digit < t)
                {
                    break;
                }

                if (w > int.MaxValue / (Base - t))
                {
                    return false;
                }

                w *= Base - t;
            }

            bias = Adapt(i - oldI, result.Count + 1, oldI == 0);
            if (i / (result.Count + 1) > int.MaxValue - n)
            {
                return false;
            }

            n += i / (result.Count + 1);
            i %= result.Count + 1;
            if (n > 0x10FFFF || n is >= 0xD800 and <= 0xDFFF)
            {
                return false;
            }

            result.Insert(i, n);
            i++;
        }

        output = result;
        return true;
    }

    private static bool TryLabelToAscii(string label, [NotNullWhen(true)] out string? ascii)
    {
        ascii = null;
        if (label.Length == 0 || label[0] == '-' || label[^1] == '-')
        {
            return false;
        }

        if (Ascii.IsValid(label))
        {
            foreach (var c in label)
            {
                if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                {
                    return false;
                }
            }

            // A punycode label must decode to a valid Unicode label that encodes back to itself.
            if (IsAce(label)
                && !(TryDecode(label.AsSpan(AcePrefix.Length), out var decoded) && decoded.Exists(codePoint => codePoint >= InitialN)
                    && IsValidUnicodeLabel(decoded) && TryEncode(decoded, out var again) && string.Equals(again, label[AcePrefix.Length..], StringComparison.Ordinal)))
            {
                return false;
            }

            ascii = label;
            return label.Length <= MaxLabelLength;
        }

        var codePoints = new List<int>(label.Length);
        foreach (var rune in label.EnumerateRunes())
        {
            codePoints.Add(rune.Value);
        }

        if (!IsValidUnicodeLabel(codePoints) || !TryEncode(codePoints, out var encoded))
        {
            return false;
        }

        ascii = AcePrefix + encoded;
        return ascii.Length <= MaxLabelLength;
    }

    private static bool IsValidUnicodeLabel(List<int> codePoints)
    {
        if (codePoints.Count == 0 || codePoints[0] == '-' || codePoints[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < codePoints.Count; i++)
        {
            var codePoint = codePoints[i];
            if (codePoint < InitialN)
            {
                if (!(char.IsAsciiLetterLower((char)codePoint) || char.IsAsciiDigit((char)codePoint) || codePoint == '-'))
                {
                    return false;
                }

                continue;
            }

            if (!Rune.IsValid(codePoint))
            {
                return false;
            }

            // Unicode categories come with the runtime, not from ICU. Upper case cannot occur after mapping.
            var category = Rune.GetUnicodeCategory(new Rune(codePoint));
            var valid = category switch
            {
                UnicodeCategory.LowercaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                    or UnicodeCategory.DecimalDigitNumber => true,
                UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => i > 0,
                _ => false,
            };
            if (!valid || (codePoint <= char.MaxValue && TextFolding.ToLower((char)codePoint) != codePoint))
            {
                return false;
            }
        }

        return true;
    }

    // UTS #46 mapping, the part host names need: full-width forms and ideographic full stops, then lower case.
    private static string Map(ReadOnlySpan<char> host)
    {
        var mapped = new StringBuilder(host.Length);
        foreach (var c in host)
        {
            mapped.Append(c switch
            {
                '\u3002' or '\uFF0E' or '\uFF61' => '.',
                >= '\uFF01' and <= '\uFF5E' => TextFolding.ToLower((char)(c - 0xFEE0)),
                _ => TextFolding.ToLower(c),
            });
        }

        return mapped.ToString();
    }

    private static bool IsAce(string label) =>
        label.Length > AcePrefix.Length && label.StartsWith(AcePrefix, StringComparison.OrdinalIgnoreCase);

    private static int Threshold(int k, int bias) => k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;

    private static char Digit(int value) => (char)(value < 26 ? 'a' + value : '0' + (value - 26));

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0' + 26,
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        _ => -1,
    };

    // RFC 3492, section 6.1.
    private static int Adapt(int delta, int points, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / points;
        var k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }

        return k + (((Base - TMin + 1) * delta) / (delta + Skew));
    }
}
