using System.Globalization;
using BenchmarkDotNet.Attributes;
using CommunityRules.Model;
using CommunityRules.Text;
using CommunityRules.Text.Links;
using CommunityRules.Text.PersonalData;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The text matcher alone, without <c>PostChecker</c> around it (no findings, no garbage): the benchmark's term list
/// in one <c>TermMatcher</c> (case only, as the benchmark's rule file), the same terms half of them with
/// <c>foldDiacritics</c> (both word indexes, as the bundled pack has), and the terms followed by the personal-data
/// and link scanners, as a field's scan runs them. Over 2,000 posts spread over the million (about
/// 320,000 characters, 650 KB: in the L2 cache, as a batch of posts a bot or a worker thread sees), against
/// <c>IndexOf</c> of an absent character over the same posts. One operation is one post.
/// </summary>
[Config(typeof(TextBenchmarkConfig))]
[MemoryDiagnoser]
[BenchmarkCategory(SampleCategory)]
public class TermScanBenchmarks
{
    private const int SamplePosts = 2_000;
    private const string SampleCategory = "posts:sample2000";

    private Post[] _posts = null!;
    private TermMatcher _matcher = null!;
    private TermMatcher _twoFoldings = null!;

    /// <summary>Gets the term counts: 10, 100, 1,000 and 10,000, or those in <c>COMMUNITYRULES_BENCH_TERMS</c>.</summary>
    public static IEnumerable<int> TermCounts => TermLists.BenchmarkCounts;

    /// <summary>Gets or sets the number of discouraged terms.</summary>
    [ParamsSource(nameof(TermCounts))]
    public int Terms { get; set; }

    /// <summary>Loads the posts, compiles the terms and checks that both word passes find the same hits.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _posts = TextCorpus.Sample(SamplePosts);
        var chars = TextCorpus.Describe("sample", _posts);
        CorpusStats.Record(SampleCategory, (double)chars / _posts.Length);
        _matcher = TermMatcher.Create(TermLists.Create(Terms).Select(term => (term, false, TermMatch.WholeWord, (object)term)));
        _twoFoldings = TermMatcher.Create(TermLists.Create(Terms).Select((term, i) => (term, i % 2 == 0, TermMatch.WholeWord, (object)term)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Sanity: {Terms:N0} terms; hits over {SamplePosts:N0} posts: terms {Words():N0}, two foldings {TwoFoldings():N0}, with detectors {TermsAndDetectors():N0}"));
    }

    /// <summary>The reference: <c>IndexOf</c> of an absent character over each post's title and text.</summary>
    /// <returns>The sum of the results.</returns>
    [Benchmark(Baseline = true, Description = "IndexOf reference (sample)", OperationsPerInvoke = SamplePosts)]
    public long IndexOfReference()
    {
        long sum = 0;
        foreach (var post in _posts)
        {
            sum += post.Title.AsSpan().IndexOf(TextScanBenchmarks.Absent) + post.Text.AsSpan().IndexOf(TextScanBenchmarks.Absent);
        }

        return sum;
    }

    /// <summary>The terms: one table read and one hash step per character, one filter probe per word.</summary>
    /// <returns>The number of term hits.</returns>
    [Benchmark(Description = "Terms", OperationsPerInvoke = SamplePosts)]
    public long Words() => ScanTerms(_matcher);

    /// <summary>The same terms, half of them folding diacritics: two hashes per word, two indexes.</summary>
    /// <returns>The number of term hits.</returns>
    [Benchmark(Description = "Terms, two foldings", OperationsPerInvoke = SamplePosts)]
    public long TwoFoldings() => ScanTerms(_twoFoldings);

    /// <summary>The terms, then every personal-data detector and the link scanner, as a field's scan does.</summary>
    /// <returns>The number of hits.</returns>
    [Benchmark(Description = "Terms + personal data + links", OperationsPerInvoke = SamplePosts)]
    public long TermsAndDetectors()
    {
        var sink = new CountingSink();
        foreach (var post in _posts)
        {
            foreach (var text in (ReadOnlySpan<string?>)[post.Title, post.Text])
            {
                var span = text.AsSpan();
                _matcher.Scan(span, ref sink);
                PersonalDataScanner.Scan(span, PersonalDataKinds.All, ref sink);
                LinkScanner.Scan(span, ref sink);
            }
        }

        return sink.Count;
    }

    private long ScanTerms(TermMatcher matcher)
    {
        var sink = new CountingSink();
        foreach (var post in _posts)
        {
            matcher.Scan(post.Title.AsSpan(), ref sink);
            matcher.Scan(post.Text.AsSpan(), ref sink);
        }

        return sink.Count;
    }

    private struct CountingSink : ITermSink, IPersonalDataSink, ILinkSink
    {
        public long Count;

        public void OnTerm(int entry, int start, int length) => Count++;

        public void Add(PersonalDataMatch match) => Count++;

        public void Add(LinkMatch link) => Count++;
    }
}
