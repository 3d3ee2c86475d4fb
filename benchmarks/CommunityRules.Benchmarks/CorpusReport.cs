using System.Diagnostics;
using System.Globalization;
using CommunityRules.Model;

namespace CommunityRules.Benchmarks;

/// <summary>
/// <c>-- corpus</c>: loads the text corpus, prints its size, and for each term list how many posts of a sample match a
/// term or a detector (with the naive regexes) and what the naive loop and RulesEngine cost per post. The numbers the
/// README quotes about the corpus come from here; the timings are rough, only for sizing the benchmark subsets.
/// </summary>
internal static class CorpusReport
{
    public static void Run()
    {
        var stopwatch = Stopwatch.StartNew();
        var posts = TextCorpus.All;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Loaded in {stopwatch.Elapsed.TotalSeconds:F1} s"));
        _ = TextCorpus.Describe("all", posts);
        _ = TextCorpus.Describe("subset (naive loop, RulesEngine)", TextCorpus.Sample(TextBaselineBenchmarks.SubsetPosts));

        const int sampleSize = 2_000;
        var sample = TextCorpus.Sample(sampleSize);
        foreach (var count in TermLists.Counts)
        {
            var terms = TermLists.Create(count);
            stopwatch.Restart();
            var naive = new NaiveScanner(terms);
            var compile = stopwatch.Elapsed;
            int termPosts = 0, personalDataPosts = 0;
            stopwatch.Restart();
            foreach (var post in sample)
            {
                var (termHits, personalDataHits) = naive.CheckByKind(post);
                termPosts += termHits > 0 ? 1 : 0;
                personalDataPosts += personalDataHits > 0 ? 1 : 0;
            }

            var naivePerPost = stopwatch.Elapsed.TotalMicroseconds / sample.Length;
            stopwatch.Restart();
            var rulesEngine = new RulesEngineScanner(terms);
            var few = sample.AsSpan(0, Math.Max(20, 20_000 / count)).ToArray();
            var first = rulesEngine.CheckAsync(few[0]).GetAwaiter().GetResult();
            var rulesEngineSetup = stopwatch.Elapsed;
            stopwatch.Restart();
            var rulesEngineHits = 0;
            foreach (var post in few)
            {
                rulesEngineHits += rulesEngine.CheckAsync(post).GetAwaiter().GetResult() > 0 ? 1 : 0;
            }

            var rulesEnginePerPost = stopwatch.Elapsed.TotalMicroseconds / few.Length;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"// {count,6:N0} terms ({TermLists.RealTermsFor(count)} real, {terms.Count(t => t.Length > 20)} over 20 chars, {terms.Count(t => t.Contains(' ', StringComparison.Ordinal))} phrases, {terms.Count(t => "åäöæøÅÄÖÆØ".Contains(t[0], StringComparison.Ordinal))} starting with å/ä/ö/æ/ø): " +
                $"{100.0 * termPosts / sample.Length:F2}% of {sample.Length:N0} posts hit a term, {100.0 * personalDataPosts / sample.Length:F2}% a detector; " +
                $"naive {naivePerPost:F1} µs/post (compile {compile.TotalSeconds:F1} s); RulesEngine {rulesEnginePerPost:F1} µs/post over {few.Length} posts, {rulesEngineHits} hit (setup + first post {rulesEngineSetup.TotalSeconds:F1} s, {first} rules matched)"));
        }

        // Which terms match, at the largest list: the realistic share of matching posts comes from these.
        var largest = TermLists.Create(TermLists.Counts[^1]);
        var byTerm = largest
            .Select(term => (Term: term, Posts: sample.Count(post => GuidelineText.HasWord(post.Title, term) || GuidelineText.HasWord(post.Text, term))))
            .Where(pair => pair.Posts > 0)
            .OrderByDescending(pair => pair.Posts);
        Console.WriteLine("// Matching terms of the largest list (posts of the sample): " + string.Join(", ", byTerm.Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Term} {pair.Posts}"))));
        Console.WriteLine("// Example terms: " + string.Join(" | ", TermLists.Create(100).Take(25)));
        foreach (var count in TermLists.Counts)
        {
            Console.WriteLine("// Rule file: " + TermLists.WriteRuleFile(count));
        }
    }
}
