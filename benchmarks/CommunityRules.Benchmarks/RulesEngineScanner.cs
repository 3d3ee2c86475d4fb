using System.Globalization;
using System.Text.RegularExpressions;
using CommunityRules.Model;
using RulesEngine.Models;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The same guidelines as workflow rules of Microsoft's RulesEngine: one rule per term, whose expression tests the
/// post's title and text for the term as a whole word, case-insensitively, plus one rule per personal-data
/// detector. Run as its documentation shows: <c>ExecuteAllRulesAsync(workflow, input)</c> for each post.
/// </summary>
internal sealed class RulesEngineScanner
{
    private const string Workflow = "PostingGuidelines";
    private readonly RulesEngine.RulesEngine _engine;

    /// <summary>Initializes a new instance of the <see cref="RulesEngineScanner"/> class.</summary>
    /// <param name="terms">The discouraged terms.</param>
    public RulesEngineScanner(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var rules = new List<Rule>(terms.Count + PersonalDataPatterns.All.Count);
        for (var i = 0; i < terms.Count; i++)
        {
            rules.Add(new Rule
            {
                RuleName = string.Create(CultureInfo.InvariantCulture, $"term{i}"),
                RuleExpressionType = RuleExpressionType.LambdaExpression,

                // The expression language has no regex or word-boundary test of its own; GuidelineText supplies one.
                Expression = $"GuidelineText.HasWord(post.Title, {Quote(terms[i])}) || GuidelineText.HasWord(post.Text, {Quote(terms[i])})",
                SuccessEvent = terms[i],
            });
        }

        for (var i = 0; i < PersonalDataPatterns.All.Count; i++)
        {
            rules.Add(new Rule
            {
                RuleName = PersonalDataPatterns.All[i].Name,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                Expression = string.Create(CultureInfo.InvariantCulture, $"GuidelineText.HasPersonalData(post.Title, {i}) || GuidelineText.HasPersonalData(post.Text, {i})"),
            });
        }

        RuleCount = rules.Count;
        var workflow = new Workflow { WorkflowName = Workflow, Rules = rules };
        _engine = new RulesEngine.RulesEngine([workflow], new ReSettings { CustomTypes = [typeof(GuidelineText)] });
    }

    /// <summary>Gets the number of workflow rules.</summary>
    public int RuleCount { get; }

    /// <summary>Runs every rule of the workflow against one post and counts the rules that succeed (match).</summary>
    /// <param name="post">The post.</param>
    /// <returns>The number of matching rules.</returns>
    public async Task<int> CheckAsync(Post post)
    {
        var results = await _engine.ExecuteAllRulesAsync(Workflow, new RuleParameter("post", post)).ConfigureAwait(false);
        var hits = 0;
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                hits++;
            }
        }

        return hits;
    }

    private static string Quote(string term) =>
        "\"" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

/// <summary>The helpers the RulesEngine expressions call (registered through <see cref="ReSettings.CustomTypes"/>).</summary>
public static class GuidelineText
{
    private static readonly Regex[] _personalData =
        [.. PersonalDataPatterns.All.Select(pattern => new Regex(pattern.Pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant))];

    /// <summary>Tests whether <paramref name="text"/> contains <paramref name="term"/> as a whole word, ignoring case.</summary>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    /// <param name="term">The term.</param>
    /// <returns><see langword="true"/> if the term occurs with no letter or digit on either side.</returns>
    public static bool HasWord(string? text, string term)
    {
        if (text is null || string.IsNullOrEmpty(term))
        {
            return false;
        }

        var span = text.AsSpan();
        var from = 0;
        while (from <= span.Length - term.Length)
        {
            var found = span[from..].IndexOf(term, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            var start = from + found;
            var end = start + term.Length;
            if ((start == 0 || !IsWordChar(span[start - 1])) && (end == span.Length || !IsWordChar(span[end])))
            {
                return true;
            }

            from = start + 1;
        }

        return false;
    }

    /// <summary>Tests the personal-data detector number <paramref name="detector"/> (see <see cref="PersonalDataPatterns"/>) on a text.</summary>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    /// <param name="detector">The index of the detector.</param>
    /// <returns><see langword="true"/> if the detector's regex matches.</returns>
    public static bool HasPersonalData(string? text, int detector) => text is not null && _personalData[detector].IsMatch(text);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
