using System.Globalization;
using System.Text;
using CommunityRules.Text.Links;

// The namespace follows the code under test (CommunityRules.Text.Links) so that "FullyQualifiedName~Link" picks these up.
namespace CommunityRules.Tests.Text.Links;

/// <summary>Our own Punycode and IDNA: the RFC 3492 samples, host names, and IdnMapping's answers where ICU gives them.</summary>
public sealed class IdnaTests
{
    /// <summary>Host names with IdnMapping's (ICU's) ASCII form, or null where it rejects them.</summary>
    public static TheoryData<string, string?> Hosts => new()
    {
        { "räksmörgås.se", "xn--rksmrgs-5wao1o.se" },
        { "RÄKSMÖRGÅS.SE", "xn--rksmrgs-5wao1o.se" },
        { "bücher.example", "xn--bcher-kva.example" },
        { "XN--BCHER-KVA.example", "xn--bcher-kva.example" },
        { "blåbærsyltetøy.no", "xn--blbrsyltety-y8ao3x.no" },
        { "þjóð.is", "xn--j-pgai6b.is" },
        { "ελληνικά.gr", "xn--hxargifdar.gr" },
        { "пример.рф", "xn--e1afmkfd.xn--p1ai" },
        { "例え.jp", "xn--r8jz45g.jp" },
        { "ｅｘａｍｐｌｅ．com", "example.com" },
        { "intranet.example.com", "intranet.example.com" },
        { "a_b.example.com", null },
        { "-a.example.com", null },
        { "a-.example.com", null },
        { "a..example.com", null },
        { "xn--zzzz.example.com", null },
        { "xn--abc-.example.com", null },
        { "a b.example.com", null },
        { "ex!ample.com", null },
        { "\u0301a.example.com", null },
    };

    [Theory]
    [InlineData("\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F", "egbpdaj6bu4bxfgehfvwxn")]
    [InlineData("\u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587", "ihqwcrb4cv8a8dqg056pqjye")]
    [InlineData("3\u5E74B\u7D44\u91D1\u516B\u5148\u751F", "3B-ww4c5e180e575a65lsy2b")]
    [InlineData("-> $1.00 <-", "-> $1.00 <--")]
    [InlineData("bücher", "bcher-kva")]
    public void Punycode_encodes_and_decodes_the_RFC_3492_samples(string unicode, string punycode)
    {
        var codePoints = unicode.EnumerateRunes().Select(rune => rune.Value).ToList();
        Assert.True(Idna.TryEncode(codePoints, out var encoded));
        Assert.Equal(punycode, encoded, ignoreCase: true);
        Assert.True(Idna.TryDecode(punycode, out var decoded));
        Assert.Equal(codePoints, decoded);
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("a!")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzz")]
    public void Punycode_that_overflows_or_has_a_bad_digit_is_rejected(string punycode) =>
        Assert.False(Idna.TryDecode(punycode, out _));

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Hosts_map_to_the_ASCII_form_ICU_gives(string host, string? expected)
    {
        Assert.Equal(expected, Idna.TryGetAscii(host, out var ascii) ? ascii : null);
        if (expected is not null)
        {
            Assert.Equal(expected, Idna.TryGetAscii(Idna.ToUnicode(expected), out var again) ? again : null);
        }

        // Where ICU is loaded, IdnMapping is the reference our table above was written from; without ICU it runs the
        // runtime's own managed fallback, which is the dependency this class removes, so only the table is asserted.
        if (IcuIsLoaded())
        {
            Assert.Equal(expected, IdnMappingAscii(host));
        }
    }

    [Theory]
    [InlineData("xn--rksmrgs-5wao1o.se", "räksmörgås.se")]
    [InlineData("xn--bcher-kva.example", "bücher.example")]
    [InlineData("xn--e1afmkfd.xn--p1ai", "пример.рф")]
    public void ToUnicode_gives_the_lower_case_Unicode_form(string ascii, string unicode) =>
        Assert.Equal(unicode, Idna.ToUnicode(ascii));

    private static string? IdnMappingAscii(string host)
    {
        try
        {
            return new IdnMapping { UseStd3AsciiRules = true }.GetAscii(host).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IcuIsLoaded() => "é".Normalize(NormalizationForm.FormD).Length == 2;
}
