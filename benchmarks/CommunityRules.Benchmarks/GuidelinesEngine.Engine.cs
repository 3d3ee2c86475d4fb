// The engine side of the posting-guidelines benchmarks, written against the PostChecker API.
using System.Globalization;
using CommunityRules.Checks;
using CommunityRules.Model;
using CommunityRules.Rules;

namespace CommunityRules.Benchmarks;

/// <summary>Loads the benchmark rule files into a <see cref="PostChecker"/> and checks that it finds what the naive regexes find.</summary>
internal static class GuidelinesEngine
{
    /// <summary>Writes (if needed) and loads the rule file for <paramref name="terms"/> terms.</summary>
    /// <param name="terms">The number of terms.</param>
    /// <returns>The checker.</returns>
    public static PostChecker Load(int terms)
    {
        var path = TermLists.WriteRuleFile(terms);
        var load = new RuleSetLoader(BuiltInChecks.Create()).Load([path]);
        var ruleSet = load.RuleSet ?? throw new InvalidOperationException(
            $"{path} did not load: " + string.Join("; ", load.Errors.Select(error => error.ToString())));
        return new PostChecker(ruleSet);
    }

    /// <summary>
    /// The benchmarks must not time a checker that finds nothing: over a sample of 2,000 posts, the posts with a term
    /// finding must be the posts where the whole-word reference finds a term, and some posts must have personal data.
    /// </summary>
    /// <param name="checker">The checker.</param>
    /// <param name="terms">The number of terms it was loaded with.</param>
    public static void Verify(PostChecker checker, int terms)
    {
        ArgumentNullException.ThrowIfNull(checker);
        var list = TermLists.Create(terms);
        int engineTerms = 0, referenceTerms = 0, both = 0, personalData = 0;
        foreach (var post in TextCorpus.Sample(2_000))
        {
            var findings = checker.Check(post);
            var engineHit = findings.Any(finding => finding.Rule.Id == "BENCH001");
            var referenceHit = list.Any(term => GuidelineText.HasWord(post.Title, term) || GuidelineText.HasWord(post.Text, term));
            engineTerms += engineHit ? 1 : 0;
            referenceTerms += referenceHit ? 1 : 0;
            both += engineHit && referenceHit ? 1 : 0;
            personalData += findings.Any(finding => finding.Rule.Id == "BENCH002") ? 1 : 0;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// Sanity: {terms:N0} terms; of 2,000 posts the engine flags {engineTerms} for terms (reference {referenceTerms}, both {both}) and {personalData} for personal data"));
        // Word boundaries may differ in detail (the reference treats only letters, digits and '_' as word characters),
        // so allow a few posts of difference, but not an engine that misses most of them.
        if (referenceTerms > 0 && (engineTerms == 0 || Math.Abs(engineTerms - both) + Math.Abs(referenceTerms - both) > 2 + (referenceTerms / 20)))
        {
            throw new InvalidOperationException("Benchmark sanity check failed: the engine does not flag the same posts for terms as the whole-word reference.");
        }

        if (personalData == 0)
        {
            throw new InvalidOperationException("Benchmark sanity check failed: the engine found no personal data in 2,000 posts, which hold e-mail addresses and phone numbers.");
        }
    }

    /// <summary>A clean post (no finding) and a dirty one (a term and, if any post has both, personal data) of the corpus.</summary>
    /// <param name="checker">The checker.</param>
    /// <returns>The two posts.</returns>
    public static (Post Clean, Post Dirty) PickPosts(PostChecker checker)
    {
        ArgumentNullException.ThrowIfNull(checker);
        Post? clean = null, dirty = null, termOnly = null;
        foreach (var post in TextCorpus.Sample(20_000))
        {
            var findings = checker.Check(post);
            if (findings.Count == 0)
            {
                clean ??= post;
            }
            else if (findings.Any(finding => finding.Rule.Id == "BENCH001"))
            {
                termOnly ??= post;
                if (findings.Any(finding => finding.Rule.Id == "BENCH002"))
                {
                    dirty ??= post;
                }
            }

            if (clean is not null && dirty is not null)
            {
                break;
            }
        }

        return (clean ?? throw new InvalidOperationException("No clean post in the sample."),
            dirty ?? termOnly ?? throw new InvalidOperationException("No post with a term finding in the sample."));
    }
}
