using CommunityRules.Diagnostics;
using CommunityRules.Text;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>A text field that the text checks read: a post's title, or the text of a post or comment.</summary>
internal enum PostField
{
    /// <summary>A post's title; comments have none.</summary>
    Title,

    /// <summary>The text of a post or comment.</summary>
    Text,
}

/// <summary>Resolves and validates the <c>fields</c> option the text checks share.</summary>
internal static class PostFields
{
    /// <summary>Validates the fields a rule names against its target: comments have only a text.</summary>
    public static void Validate(IReadOnlyList<PostField>? fields, CheckOptionsContext context)
    {
        if (fields is null)
        {
            return;
        }

        if (fields.Count == 0)
        {
            context.ReportError("fields", "The list of fields is empty; name at least one of title and text, or leave 'fields' out to read them all.");
        }
        else if (context.Target == TargetKind.Comment && fields.Contains(PostField.Title))
        {
            context.ReportError("fields", "Comments have no title; write 'fields: [text]' or leave 'fields' out.");
        }
    }

    /// <summary>The fields to read: the rule's list, else the defaults for its target (posts: title and text, or text only for checks about the body).</summary>
    public static IReadOnlyList<TextField> Resolve(IReadOnlyList<PostField>? fields, TargetKind target, bool titleByDefault = true) =>
        fields is { Count: > 0 }
            ? [.. fields.Distinct().Select(field => field == PostField.Title ? TextField.Title : TextField.Text)]
            : target == TargetKind.Post && titleByDefault ? [TextField.Title, TextField.Text] : [TextField.Text];
}
