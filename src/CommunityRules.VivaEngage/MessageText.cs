using System.Text;

namespace CommunityRules.Data.VivaEngage;

/// <summary>
/// A message's text as a reader sees it: <c>[[user:123]]</c> mentions become <c>@Name</c>, and the links of its
/// attachments (<c>opengraphobject:[id : url : title="…" : description="…"]</c>) that the body does not show are added
/// on lines of their own, so link checks see them. Uploaded files (<c>uploadedfile:123</c>) are not links and are not added.
/// </summary>
internal static class MessageText
{
    private const string MentionStart = "[[user:";
    private const string MentionEnd = "]]";
    private const string LinkStart = "opengraphobject:[";
    private const string Separator = " : ";

    /// <summary>Composes the text.</summary>
    /// <param name="body">The body, or <see langword="null"/>.</param>
    /// <param name="attachments">The attachments field, or <see langword="null"/>.</param>
    /// <param name="names">People's names by id, for mentions.</param>
    /// <returns>The text, or <see langword="null"/> when there is none.</returns>
    public static string? Compose(string? body, string? attachments, IReadOnlyDictionary<string, string> names)
    {
        var text = body is not null && body.Contains(MentionStart, StringComparison.Ordinal) ? ReplaceMentions(body, names) : body;
        if (attachments is null || !attachments.Contains(LinkStart, StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text);
        foreach (var url in Links(attachments))
        {
            if (builder.ToString().Contains(url, StringComparison.Ordinal))
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append(url);
        }

        return builder.Length > 0 ? builder.ToString() : null;
    }

    /// <summary>Finds the links of an attachments field.</summary>
    /// <param name="attachments">The field.</param>
    /// <returns>The links, in order.</returns>
    public static IEnumerable<string> Links(string attachments)
    {
        var at = 0;
        while ((at = attachments.IndexOf(LinkStart, at, StringComparison.Ordinal)) >= 0)
        {
            // opengraphobject:[ID : URL : title="..." : description="..."]; the URL holds no spaces, so " : " ends it.
            var idEnd = attachments.IndexOf(Separator, at, StringComparison.Ordinal);
            at += LinkStart.Length;
            if (idEnd < 0)
            {
                yield break;
            }

            var urlStart = idEnd + Separator.Length;
            var urlEnd = attachments.IndexOf(Separator, urlStart, StringComparison.Ordinal);
            urlEnd = urlEnd >= 0 ? urlEnd : attachments.IndexOf(']', urlStart);
            var url = attachments[urlStart..(urlEnd < 0 ? attachments.Length : urlEnd)].Trim();
            if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                yield return url;
            }
        }
    }

    private static string ReplaceMentions(string body, IReadOnlyDictionary<string, string> names)
    {
        var builder = new StringBuilder(body.Length);
        var at = 0;
        while (true)
        {
            var start = body.IndexOf(MentionStart, at, StringComparison.Ordinal);
            var end = start < 0 ? -1 : body.IndexOf(MentionEnd, start + MentionStart.Length, StringComparison.Ordinal);
            if (end < 0)
            {
                return builder.Append(body, at, body.Length - at).ToString();
            }

            var id = body[(start + MentionStart.Length)..end].Trim();
            builder.Append(body, at, start - at).Append('@');
            if (names.TryGetValue(id, out var name))
            {
                builder.Append(name);
            }
            else
            {
                builder.Append("user ").Append(id);
            }

            at = end + MentionEnd.Length;
        }
    }
}
