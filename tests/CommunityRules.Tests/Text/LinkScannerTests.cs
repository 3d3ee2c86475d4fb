using System.Text;
using CommunityRules.Text.Links;

// The namespace follows the code under test (CommunityRules.Text.Links) so that "FullyQualifiedName~Link" picks these up.
namespace CommunityRules.Tests.Text.Links;

/// <summary>Links in real post text: where each one starts and ends, which host it has, and what is not a link.</summary>
public sealed class LinkScannerTests
{
    private static List<(string Url, string Host)> Links(string text)
    {
        var sink = new CollectingSink([]);
        LinkScanner.Scan(text.AsSpan(), ref sink);
        return [.. sink.Links.Select(link => (text.Substring(link.Start, link.Length), text.Substring(link.HostStart, link.HostLength)))];
    }

    [Theory]
    [InlineData("Se https://intranet.example.se/hr. Tack!", "https://intranet.example.se/hr", "intranet.example.se")]
    [InlineData("Läs policyn (https://intranet.example.se/hr/policy) innan fredag.", "https://intranet.example.se/hr/policy", "intranet.example.se")]
    [InlineData("Fika (se https://sv.wikipedia.org/wiki/Fika_(dryck)) är viktigt.", "https://sv.wikipedia.org/wiki/Fika_(dryck)", "sv.wikipedia.org")]
    [InlineData("Testmiljøet ligger på http://test.example.no:8080/app?bruker=ola, logg inn der.", "http://test.example.no:8080/app?bruker=ola", "test.example.no")]
    [InlineData("Filerne ligger på ftp://anna:hemmelig@filer.example.dk/arkiv/; spørg Anna.", "ftp://anna:hemmelig@filer.example.dk/arkiv/", "filer.example.dk")]
    [InlineData("Hae täältä: https://haku.example.fi/haku?q=sauna&kieli=fi#tulokset!", "https://haku.example.fi/haku?q=sauna&kieli=fi#tulokset", "haku.example.fi")]
    [InlineData("Skrivaren svarar på http://192.168.1.20/status.", "http://192.168.1.20/status", "192.168.1.20")]
    [InlineData("HTTPS://Intranet.Example.SE/HR gäller alla.", "HTTPS://Intranet.Example.SE/HR", "Intranet.Example.SE")]
    [InlineData("Gå till www.example.com/path; där finns allt.", "www.example.com/path", "www.example.com")]
    [InlineData("Gå till WWW.Example.COM!", "WWW.Example.COM", "WWW.Example.COM")]
    [InlineData("[Handboken](https://x.example/a) gäller från måndag.", "https://x.example/a", "x.example")]
    [InlineData("Skriv <https://x.example> i mejlet.", "https://x.example", "x.example")]
    [InlineData("Hon skrev ”https://example.se/a” i tråden.", "https://example.se/a", "example.se")]
    [InlineData("Han skrev 'https://example.no/b'.", "https://example.no/b", "example.no")]
    [InlineData("Länk:https://example.com/x", "https://example.com/x", "example.com")]
    [InlineData("Lokalt: http://localhost:8080.", "http://localhost:8080", "localhost")]
    [InlineData("Med punkt: https://example.com./a", "https://example.com./a", "example.com")]
    [InlineData("Slut på värden: https://example.com.", "https://example.com", "example.com")]
    [InlineData("Viktigt: **https://x.example/a** nu.", "https://x.example/a", "x.example")]
    [InlineData("Viktigt: _https://y.example_ nu.", "https://y.example", "y.example")]
    [InlineData("Värden https://x.example- är ny.", "https://x.example", "x.example")]
    [InlineData("Port med punkt: https://example.com.:8443/a", "https://example.com.:8443/a", "example.com")]
    [InlineData("Köp på https://bücher.example/x idag.", "https://bücher.example/x", "bücher.example")]
    [InlineData("Smörgåsar på http://räksmörgås.se!", "http://räksmörgås.se", "räksmörgås.se")]
    [InlineData("Samma sak: https://xn--rksmrgs-5wao1o.se/meny.", "https://xn--rksmrgs-5wao1o.se/meny", "xn--rksmrgs-5wao1o.se")]
    [InlineData("Sökord: https://example.se/sök/räksmörgås?ö=å.", "https://example.se/sök/räksmörgås?ö=å", "example.se")]
    public void Finds_one_link_without_the_sentence_around_it(string text, string url, string host)
    {
        Assert.Equal([(url, host)], Links(text));
    }

    [Fact]
    public void Finds_several_links_in_order()
    {
        var links = Links("Jämför https://a.example.se och www.b.example.no, samt ftp://c.example.dk. Se även http://10.0.0.1:3000/x!");

        Assert.Equal(
            [
                ("https://a.example.se", "a.example.se"),
                ("www.b.example.no", "www.b.example.no"),
                ("ftp://c.example.dk", "c.example.dk"),
                ("http://10.0.0.1:3000/x", "10.0.0.1"),
            ],
            links);
    }

    [Fact]
    public void A_markdown_link_whose_text_is_also_a_link_gives_two_links()
    {
        Assert.Equal(
            [("https://x.example/a", "x.example"), ("https://x.example/a", "x.example")],
            Links("[https://x.example/a](https://x.example/a)"));
    }

    [Fact]
    public void A_link_at_the_very_start_and_one_at_the_very_end_are_found_whole()
    {
        const string Text = "https://start.example är först och sist kommer https://end.example";
        var sink = new CollectingSink([]);

        LinkScanner.Scan(Text, ref sink);

        Assert.Equal(2, sink.Links.Count);
        Assert.Equal(new LinkMatch(0, 21, 8, 13), sink.Links[0]);
        Assert.Equal(Text.Length, sink.Links[1].Start + sink.Links[1].Length);
        Assert.Equal("end.example", Text.Substring(sink.Links[1].HostStart, sink.Links[1].HostLength));
    }

    [Theory]
    [InlineData("Mejla anna@example.com eller anna@www.example.com.")]
    [InlineData("Protokollet heter http: och inget mer.")]
    [InlineData("Bara https:// och ingen värd.")]
    [InlineData("Mellanslag: https:// example.com")]
    [InlineData("Trippel: https:///example.com")]
    [InlineData("Mötet börjar 10:30, kl. 14:00 eller 08:15.")]
    [InlineData("wwwhat is this? www. alone, www.example without a top-level domain, awww.example.com")]
    [InlineData("xhttps://example.com and fhttp://example.com")]
    [InlineData("Ogiltiga adresser: http://999.1.1.1/ och http://1.2.3/ och http://-/ och http://../x")]
    [InlineData("mailto:anna@example.com och tel:+4612345678")]
    [InlineData("")]
    public void Finds_no_link(string text)
    {
        Assert.Empty(Links(text));
    }

    [Fact]
    public void User_info_and_port_are_not_part_of_the_host()
    {
        Assert.Equal([("https://anna@intranet.example.se:443/", "intranet.example.se")], Links("https://anna@intranet.example.se:443/"));
    }

    [Fact]
    public void Random_text_of_link_fragments_gives_only_links_in_order_that_hold_their_host()
    {
        // Fixed seed: the same fragments every run; they are chosen to collide (schemes, dots, brackets, user info).
        string[] fragments = ["http", "https", "ftp", "HTTP", "://", ":", "/", "www.", "WWW.", ".", "..", "x", "å", "example", "se", "1", "255", "@", "(", ")", "[", "]", "-", "_", "?", "#", " ", ",", "'", "”", "xn--rksmrgs-5wao1o"];
        var random = new Random(20240601);
        for (var round = 0; round < 2_000; round++)
        {
            var builder = new StringBuilder();
            for (var count = random.Next(1, 40); count > 0; count--)
            {
                builder.Append(fragments[random.Next(fragments.Length)]);
            }

            var text = builder.ToString();
            var sink = new CollectingSink([]);
            LinkScanner.Scan(text, ref sink);

            var previousEnd = 0;
            foreach (var link in sink.Links)
            {
                Assert.True(link.Start >= previousEnd && link.Length > 0 && link.Start + link.Length <= text.Length, text);
                Assert.True(link.HostLength > 0 && link.HostStart >= link.Start && link.HostStart + link.HostLength <= link.Start + link.Length, text);
                Assert.DoesNotContain(text[link.Start + link.Length - 1], ".,;:!?'\"");
                previousEnd = link.Start + link.Length;
            }
        }
    }

    [Fact]
    public void Scanning_ten_kilobytes_allocates_nothing_with_or_without_links()
    {
        var plain = Repeat("Hej alla! Mötet i morgon är flyttat till rum 4, kl. 10:30. Ta med fika och era idéer om sommarfesten. ", 10_000);
        var linked = Repeat("Se https://intranet.example.se/hr. Tack! Läs (https://sv.wikipedia.org/wiki/Fika_(dryck)) och www.example.com/a?b=c#d. ", 10_000);
        var noColon = Repeat("Hej alla och välkomna till gruppen för oss som gillar räksmörgåsar och kanelbullar ", 10_000);

        Assert.Equal(0, CountLinks(plain));
        Assert.Equal(0, CountLinks(noColon));
        var expected = CountLinks(linked);
        Assert.True(expected > 200, $"found {expected} links");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = 0;
        for (var round = 0; round < 20; round++)
        {
            found += CountLinks(plain) + CountLinks(noColon) + CountLinks(linked);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(20 * expected, found);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Scanning_and_checking_ascii_hosts_against_a_list_allocates_nothing()
    {
        Assert.True(DomainList.TryCreate(["intranet.example.se", "wikipedia.org"], out var list, out _));
        var text = Repeat("Se https://intranet.example.se/hr och https://sv.wikipedia.org/wiki/Fika men inte http://evil.example.net/x. ", 10_000);
        var covered = CountCovered(list, text);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = 0;
        for (var round = 0; round < 20; round++)
        {
            total += CountCovered(list, text);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(20 * covered, total);
        Assert.True(covered > 100);
        Assert.Equal(0, allocated);
    }

    private static int CountLinks(string text)
    {
        var sink = new CountingSink();
        LinkScanner.Scan(text, ref sink);
        return sink.Count;
    }

    private static int CountCovered(DomainList list, string text)
    {
        var sink = new CoveredSink(list, text);
        LinkScanner.Scan(text, ref sink);
        return sink.Covered;
    }

    private static string Repeat(string sentence, int length)
    {
        var builder = new StringBuilder(length + sentence.Length);
        while (builder.Length < length)
        {
            builder.Append(sentence);
        }

        return builder.ToString();
    }

    private readonly struct CollectingSink(List<LinkMatch> links) : ILinkSink
    {
        public List<LinkMatch> Links { get; } = links;

        public void Add(LinkMatch link) => Links.Add(link);
    }

    private struct CountingSink : ILinkSink
    {
        public int Count { get; private set; }

        public void Add(LinkMatch link) => Count++;
    }

    private struct CoveredSink(DomainList list, string text) : ILinkSink
    {
        public int Covered { get; private set; }

        public void Add(LinkMatch link)
        {
            if (list.Covers(text.AsSpan(link.HostStart, link.HostLength)))
            {
                Covered++;
            }
        }
    }
}
