using CommunityRules.Text.Links;

// The namespace follows the code under test (CommunityRules.Text.Links) so that "FullyQualifiedName~Link" picks these up.
namespace CommunityRules.Tests.Text.Links;

/// <summary>Domain lists as rules write them: subdomains, lookalikes, case, trailing dots, IDN and bad entries.</summary>
public sealed class DomainListTests
{
    private static DomainList Create(params string[] domains)
    {
        Assert.True(DomainList.TryCreate(domains, out var list, out var errors), string.Join("; ", errors));
        Assert.Empty(errors);
        return list;
    }

    [Theory]
    [InlineData("intranet.example.com", true)]
    [InlineData("a.intranet.example.com", true)]
    [InlineData("x.y.intranet.example.com", true)]
    [InlineData("A.Intranet.EXAMPLE.com", true)]
    [InlineData("intranet.example.com.", true)]
    [InlineData("badintranet.example.com", false)]
    [InlineData("example.com", false)]
    [InlineData("intranet.example.com.evil.net", false)]
    [InlineData("intranet-example.com", false)]
    public void A_domain_covers_itself_and_its_subdomains_only(string host, bool covered)
    {
        Assert.Equal(covered, Create("intranet.example.com").Covers(host));
    }

    [Theory]
    [InlineData("notexample.com")]
    [InlineData("example.com.evil.net")]
    [InlineData("example.co")]
    [InlineData("com")]
    [InlineData("xample.com")]
    [InlineData("")]
    [InlineData(".")]
    public void Lookalikes_are_not_covered(string host)
    {
        Assert.False(Create("example.com").Covers(host));
    }

    [Theory]
    [InlineData("example.com.")]
    [InlineData("*.example.com")]
    [InlineData(".example.com")]
    [InlineData("EXAMPLE.Com")]
    [InlineData("  example.com ")]
    public void Star_dot_a_leading_or_trailing_dot_and_case_make_no_difference(string entry)
    {
        var list = Create(entry);

        Assert.True(list.Covers("example.com"));
        Assert.True(list.Covers("www.Example.COM."));
        Assert.False(list.Covers("notexample.com"));
    }

    [Fact]
    public void The_same_domain_written_differently_counts_once()
    {
        Assert.Equal(2, Create("example.com", "*.example.com", ".EXAMPLE.com.", "räksmörgås.se", "xn--rksmrgs-5wao1o.se").Count);
        Assert.Equal(0, Create().Count);
    }

    [Fact]
    public void A_Unicode_entry_covers_its_punycode_and_the_reverse()
    {
        const string punycode = "xn--rksmrgs-5wao1o.se";

        var unicodeList = Create("räksmörgås.se");
        Assert.True(unicodeList.Covers(punycode));
        Assert.True(unicodeList.Covers("meny.XN--RKSMRGS-5WAO1O.SE"));
        Assert.True(unicodeList.Covers("RÄKSMÖRGÅS.SE"));
        Assert.False(unicodeList.Covers("raksmorgas.se"));

        var punycodeList = Create(punycode);
        Assert.True(punycodeList.Covers("räksmörgås.se"));
        Assert.True(punycodeList.Covers("meny.Räksmörgås.se."));
        Assert.False(punycodeList.Covers("räksmörgås.no"));
    }

    [Fact]
    public void Buecher_example_is_the_same_domain_in_both_forms()
    {
        Assert.True(Create("bücher.example").Covers("XN--BCHER-KVA.example"));
        Assert.True(Create("xn--bcher-kva.example").Covers("shop.BÜCHER.example"));
        Assert.False(Create("bücher.example").Covers("bucher.example"));
    }

    [Theory]
    [InlineData("a_b.example.com")]
    [InlineData("-a.example.com")]
    [InlineData("a..example.com")]
    [InlineData("xn--zzzz.example.com")]
    [InlineData("a b.example.com")]
    public void Hosts_IDNA_rejects_are_judged_by_the_domains_they_end_with(string host)
    {
        // Otherwise a name such as a_b.evil.com would slip past 'denyDomains: [evil.com]'.
        Assert.True(Create("example.com").Covers(host));
        Assert.False(Create("example.org").Covers(host));
    }

    [Fact]
    public void An_IPv4_entry_covers_that_address()
    {
        var list = Create("10.0.0.1");

        Assert.True(list.Covers("10.0.0.1"));
        Assert.False(list.Covers("10.0.0.10"));
    }

    [Fact]
    public void Bad_entries_give_plain_errors_with_their_index_and_no_list()
    {
        string[] entries =
        [
            "example.com",
            "",
            "https://example.com/path",
            "intra net.example.com",
            "example.com/hr",
            "anna@example.com",
            "example.com:8080",
            "ex*ample.com",
            "exa..mple.com",
            "-bad.example.com",
            "a_b.example.com",
            "*.",
            "http:example.com",
        ];

        Assert.False(DomainList.TryCreate(entries, out var list, out var errors));

        Assert.Null(list);
        Assert.Equal(Enumerable.Range(1, entries.Length - 1), errors.Select(error => error.Index));
        var messages = errors.ToDictionary(error => error.Index, error => error.Error);
        Assert.Contains("empty", messages[1], StringComparison.Ordinal);
        Assert.Contains("write 'example.com' instead of 'https://example.com/path'", messages[2], StringComparison.Ordinal);
        Assert.Contains("space", messages[3], StringComparison.Ordinal);
        Assert.Contains("write 'example.com' instead of 'example.com/hr'", messages[4], StringComparison.Ordinal);
        Assert.Contains("e-mail address", messages[5], StringComparison.Ordinal);
        Assert.Contains("write 'example.com' instead of 'anna@example.com'", messages[5], StringComparison.Ordinal);
        Assert.Contains("write 'example.com' instead of 'example.com:8080'", messages[6], StringComparison.Ordinal);
        Assert.Contains("'*'", messages[7], StringComparison.Ordinal);
        Assert.Contains("two dots in a row", messages[8], StringComparison.Ordinal);
        Assert.Contains("starts or ends with '-'", messages[9], StringComparison.Ordinal);
        Assert.Contains("'_' cannot be part of a domain name", messages[10], StringComparison.Ordinal);
        Assert.Contains("names no domain", messages[11], StringComparison.Ordinal);
        Assert.Contains("':'", messages[12], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XN--BCHER-KVA.example", "bücher.example")]
    [InlineData("BÜCHER.Example.", "bücher.example")]
    [InlineData("www.XN--RKSMRGS-5WAO1O.se", "www.räksmörgås.se")]
    [InlineData("Intranet.Example.COM", "intranet.example.com")]
    [InlineData("A_B.Example", "a_b.example")]
    [InlineData("XN--ZZZZ.Example", "xn--zzzz.example")]
    [InlineData("192.168.1.20", "192.168.1.20")]
    public void Display_name_is_lower_case_Unicode(string host, string expected)
    {
        Assert.Equal(expected, DomainList.DisplayName(host));
    }

    [Fact]
    public void Covers_on_ascii_hosts_allocates_nothing_after_warm_up()
    {
        var list = Create("example.com", "intranet.example.se", "räksmörgås.se");
        string[] hosts = ["a.b.intranet.example.se", "EXAMPLE.COM", "notexample.com", "example.com.evil.net", "xyz.example.org", "www.example.com.", "a_b.example.com", "10.0.0.1"];
        var expected = hosts.Count(host => list.Covers(host));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var covered = 0;
        for (var round = 0; round < 1_000; round++)
        {
            foreach (var host in hosts)
            {
                covered += list.Covers(host) ? 1 : 0;
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(4, expected);
        Assert.Equal(1_000 * expected, covered);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void One_list_answers_many_threads_alike()
    {
        var list = Create("intranet.example.se", "bücher.example");
        string[] hosts = ["hr.intranet.example.se", "xn--bcher-kva.example", "evil.example.net", "shop.bücher.example"];

        var answers = new bool[64][];
        Parallel.For(0, answers.Length, thread => answers[thread] = [.. Enumerable.Range(0, 200).SelectMany(_ => hosts).Select(host => list.Covers(host))]);

        var first = answers[0];
        Assert.All(answers, answer => Assert.Equal(first, answer));
        Assert.Equal([true, true, false, true], first.Take(4));
    }
}
