using System.Globalization;
using RegexMatchTimeoutException = System.Text.RegularExpressions.RegexMatchTimeoutException;
using CommunityRules.Checks;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Text.Links;
using CommunityRules.Text.PersonalData;

namespace CommunityRules.Text;

/// <summary>A rule's text check bound into the shared matcher.</summary>
internal sealed record TextBinding(RuleRuntime Rule, TextContribution Contribution);

/// <summary>A term entry's owner: the binding that listed it and how it was written there.</summary>
internal sealed record TermOwner(int Binding, TermSpec Spec);

/// <summary>
/// All text checks of a rule set, compiled once into one matcher per field (post title, post text, comment text):
/// every term list in one <see cref="TermMatcher"/>, the union of the personal-data detectors in one scan, links found
/// once and judged by each rule's domain list. A scan reports raw hits; only a post with hits pays for scopes,
/// messages and diagnostics. Immutable and safe to share between threads.
/// </summary>
internal sealed class TextRuleSet
{
    private readonly TextBinding[] _bindings;
    private readonly FieldMatcher? _postTitle;
    private readonly FieldMatcher? _postText;
    private readonly FieldMatcher? _commentText;

    private TextRuleSet(TextBinding[] bindings)
    {
        _bindings = bindings;
        _postTitle = FieldMatcher.Create(bindings, TargetKind.Post, TextField.Title);
        _postText = FieldMatcher.Create(bindings, TargetKind.Post, TextField.Text);
        _commentText = FieldMatcher.Create(bindings, TargetKind.Comment, TextField.Text);
    }

    public bool HasPostRules => _postTitle is not null || _postText is not null;

    public bool HasCommentRules => _commentText is not null;

    /// <summary>Compiles the text contributions of active rules, or returns <see langword="null"/> when there are none.</summary>
    public static TextRuleSet? Create(IEnumerable<RuleRuntime> runtimes)
    {
        TextBinding[] bindings = [.. runtimes.SelectMany(runtime => runtime.TextContributions.Select(contribution => new TextBinding(runtime, contribution)))];
        return bindings.Length == 0 ? null : new TextRuleSet(bindings);
    }

    public void Scan(Post post, ref TextHits hits)
    {
        if (_postTitle is not null && post.Title is { } title)
        {
            hits.Field = TextField.Title;
            _postTitle.Scan(title, ref hits);
        }

        if (_postText is not null)
        {
            hits.Field = TextField.Text;
            _postText.Scan(post.Text ?? string.Empty, ref hits);
        }
    }

    public void Scan(Comment comment, ref TextHits hits)
    {
        if (_commentText is not null)
        {
            hits.Field = TextField.Text;
            _commentText.Scan(comment.Text ?? string.Empty, ref hits);
        }
    }

    /// <summary>Turns a post's or comment's hits into findings of the rules that own them, in the rules' scopes.</summary>
    public void Report(ref TextHits hits, object entity, Group? group, NetworkView network, FindingCollector collector)
    {
        if (hits.Count == 0)
        {
            return;
        }

        hits.Sort();
        var (kind, title, text) = entity switch
        {
            Post post => (TargetKind.Post, post.Title, post.Text),
            Comment comment => (TargetKind.Comment, null, comment.Text),
            _ => throw new ArgumentException("Text rules read posts and comments only.", nameof(entity)),
        };

        var reporter = new Reporter(this, entity, group, network, collector);
        foreach (var hit in hits.AsSpan())
        {
            var matcher = (kind, hit.Field) switch
            {
                (TargetKind.Post, TextField.Title) => _postTitle!,
                (TargetKind.Post, _) => _postText!,
                _ => _commentText!,
            };
            var fieldText = (hit.Field == TextField.Title ? title : text) ?? string.Empty;
            matcher.Report(hit, fieldText, ref reporter);
        }
    }

    /// <summary>One post's reporting: scopes are checked once per rule, and each thing found is reported once per rule and field.</summary>
    internal struct Reporter(TextRuleSet owner, object entity, Group? group, NetworkView network, FindingCollector collector)
    {
        private readonly sbyte[] _inScope = new sbyte[owner._bindings.Length];
        private readonly HashSet<(int, TextField, string)> _reported = [];

        public readonly TextBinding Binding(int index) => owner._bindings[index];

        /// <param name="binding">The rule's binding.</param>
        /// <param name="field">The field the thing was found in.</param>
        /// <param name="key">What makes the thing the same thing twice; kept in memory only, as it may be a raw value.</param>
        /// <param name="discriminator">What tells this finding apart in its fingerprint; never a raw personal value.</param>
        /// <param name="position">The 1-based character position to show.</param>
        /// <param name="arguments">The message values.</param>
        public void Report(int binding, TextField field, string key, string discriminator, int position, ReadOnlySpan<MessageArgument> arguments)
        {
            var rule = owner._bindings[binding].Rule;
            if (_inScope[binding] == 0)
            {
                _inScope[binding] = rule.IsInScope(entity, network, group) ? (sbyte)1 : (sbyte)-1;
            }

            if (_inScope[binding] < 0 || !_reported.Add((binding, field, key)))
            {
                return;
            }

            var fieldName = FieldName(field);
            Span<MessageArgument> all = [.. arguments, new MessageArgument("field", fieldName), new MessageArgument("position", position.ToString(CultureInfo.InvariantCulture))];
            collector.Report(rule, null, entity, all, inScope: true, discriminator: $"{fieldName}:{discriminator}:{position}");
        }

        public readonly void ReportTimeout(int binding, SharedRegex regex)
        {
            var rule = owner._bindings[binding].Rule;
            if (rule.IsInScope(entity, network, group))
            {
                collector.ReportTimeout(rule, entity, new RegexMatchTimeoutException(string.Empty, regex.Pattern, regex.MatchTimeout));
            }
        }
    }

    internal static string FieldName(TextField field) => field == TextField.Title ? "title" : "text";
}
