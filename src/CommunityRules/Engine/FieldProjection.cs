using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Rules;
using CommunityRules.Text;

namespace CommunityRules.Engine;

/// <summary>
/// The optional fields of posts, comments and reactions a rule set reads (<see cref="RecordFields"/>), decided when it
/// is compiled: what each rule's check declares (every field for a check that declares nothing, such as any check not
/// of this package), the fields its text contributions scan, the fields its scope and messages name, and a post's title
/// wherever a rule may report on a post (the title is the finding's target name in every report, and exemptions
/// match it). A run reads only these from a provider that can leave the others out.
/// </summary>
internal static class FieldProjection
{
    // The optional fields as scopes and messages name them.
    private static readonly (string Path, RecordFields Field)[] Named =
    [
        ("post.title", RecordFields.PostTitle),
        ("post.text", RecordFields.PostText),
        ("comment.parentId", RecordFields.CommentParentId),
        ("comment.text", RecordFields.CommentText),
    ];

    /// <summary>Gets the fields the rules read.</summary>
    /// <param name="rules">The active rules, one runtime per rule and target, initialized.</param>
    /// <returns>The union of what each reads.</returns>
    public static RecordFields Of(IEnumerable<RuleRuntime> rules)
    {
        var fields = RecordFields.None;
        foreach (var rule in rules)
        {
            fields |= Of(rule);
        }

        return fields;
    }

    /// <summary>Gets the fields one rule reads on one of its targets.</summary>
    /// <param name="rule">The rule's runtime, initialized.</param>
    /// <returns>What its check, text contributions, scope and messages read.</returns>
    public static RecordFields Of(RuleRuntime rule)
    {
        var fields = rule.Rule.Check.FieldsReadFor(rule.Rule.Options);
        if (rule.Target == TargetKind.Post)
        {
            fields |= RecordFields.PostTitle;
        }

        foreach (var contribution in rule.TextContributions)
        {
            fields |= rule.Target == TargetKind.Post
                ? (contribution.Reads(TextField.Title) ? RecordFields.PostTitle : RecordFields.None) | (contribution.Reads(TextField.Text) ? RecordFields.PostText : RecordFields.None)
                : contribution.Reads(TextField.Text) ? RecordFields.CommentText : RecordFields.None;
        }

        foreach (var (path, field) in Named)
        {
            if (rule.Scope.Reads(path) || Names(rule, path))
            {
                fields |= field;
            }
        }

        return fields;
    }

    // Whether a message of the rule (its own on this target, or an outcome's) has a placeholder for the field. A
    // placeholder is looked up as on a post and as on a comment, whatever the target: a finding may be reported on
    // another record than the rule's target, and a field read for nothing costs only time.
    private static bool Names(RuleRuntime rule, string path)
    {
        var (_, message, _) = rule.Resolve(null);
        return Names(message, path) || Names(rule.Rule.Message, path) || rule.Rule.Outcomes.Any(outcome => Names(outcome.Message, path));
    }

    private static bool Names(MessageTemplate message, string path) =>
        message.Placeholders.Any(placeholder =>
            EntityFields.Find(TargetKind.Post, placeholder.Name)?.Path == path || EntityFields.Find(TargetKind.Comment, placeholder.Name)?.Path == path);
}
