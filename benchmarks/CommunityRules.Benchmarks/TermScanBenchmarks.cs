using System.Globalization;
using BenchmarkDotNet.Attributes;
using CommunityRules.Model;
using CommunityRules.Text;
using CommunityRules.Text.Links;
using CommunityRules.Text.PersonalData;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The text matcher alone, without <c>PostChecker</c> around it (no findings, no garbage): the benchmark's term list
/// in one <c>TermMatcher</c> through the scalar word pass and the vector one, and the vector pass followed by the
/// personal-data and link scanners, as a field's scan runs them. Over 2,000 posts spread over the million (about
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
        var scalar = ScalarWords();
        var vector = VectorWords();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Sanity: {Terms:N0} terms; term hits over {SamplePosts:N0} posts: scalar {scalar:N0}, vector {vector:N0}; vector path {WordBits.IsAccelerated}"));
        if (scalar != vector)
        {
            throw new InvalidOperationException("The scalar and vector word passes disagree.");
        }
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

    /// <summary>The terms, scalar word pass: one table read and one hash step per character.</summary>
    /// <returns>The number of term hits.</returns>
    [Benchmark(Description = "Terms, scalar word pass", OperationsPerInvoke = SamplePosts)]
    public long ScalarWords() => ScanTerms(vectorized: false);

    /// <summary>The terms, vector word pass: word boundaries by vector compares, ASCII words hashed from 8-byte loads.</summary>
    /// <returns>The number of term hits.</returns>
    [Benchmark(Description = "Terms, vector word pass", OperationsPerInvoke = SamplePosts)]
    public long VectorWords() => ScanTerms(vectorized: true);

    /// <summary>The terms (vector pass), then every personal-data detector and the link scanner, as a field's scan does.</summary>
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

    private long ScanTerms(bool vectorized)
    {
        var sink = new CountingSink();
        foreach (var post in _posts)
        {
            _matcher.Scan(post.Title.AsSpan(), ref sink, vectorized);
            _matcher.Scan(post.Text.AsSpan(), ref sink, vectorized);
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
