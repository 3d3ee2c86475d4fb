using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CommunityRules.Data.Workplace;

/// <summary>
/// The Graph API objects a Workplace archive holds, as far as the reader needs them; other fields are skipped.
/// Reflection-based, as the snapshot's: absent fields stay null rather than taking a default.
/// </summary>
internal static class WorkplaceJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static readonly JsonTypeInfo<GraphMember> Member = Info<GraphMember>();
    public static readonly JsonTypeInfo<GraphGroup> Group = Info<GraphGroup>();
    public static readonly JsonTypeInfo<GraphPost> Post = Info<GraphPost>();
    public static readonly JsonTypeInfo<GraphPostComments> PostComments = Info<GraphPostComments>();
    public static readonly JsonTypeInfo<GraphPostReactions> PostReactions = Info<GraphPostReactions>();
    public static readonly JsonTypeInfo<GraphComment> Comment = Info<GraphComment>();
    public static readonly JsonTypeInfo<GraphReaction> Reaction = Info<GraphReaction>();
    public static readonly JsonTypeInfo<GraphExportInfo> ExportInfo = Info<GraphExportInfo>();

    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Reads the Graph API's times: <c>2026-09-20T09:00:00+0000</c> (offset without a colon), ISO 8601 with or without offset (UTC then), or Unix seconds.</summary>
internal static class GraphTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd",
    ];

    /// <summary>Parses a time.</summary>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    /// <param name="value">The time, in UTC; <see langword="null"/> when there is no text.</param>
    /// <returns><see langword="false"/> when the text is there but is not a time.</returns>
    public static bool TryParse(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        text = text.Trim();
        if (text.Length >= 9 && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 253402300800)
        {
            value = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        // The Graph API writes "+0000"; .NET's offset pattern wants "+00:00".
        if (text.Length > 5 && text[^5] is '+' or '-' && text[^4..].All(char.IsAsciiDigit))
        {
            text = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
        }

        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}

/// <summary>A reference to a person or page: <c>from</c>, <c>owner</c>, <c>parent</c>.</summary>
internal sealed class GraphProfile
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}

/// <summary>A Workplace member (community or group member, or an integration's bot page in <c>bots.json</c>).</summary>
internal sealed class GraphMember
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? Title { get; set; }

    public string? Department { get; set; }

    public string? Organization { get; set; }

    public bool? Active { get; set; }

    public string? AccountDeactivateTime { get; set; }

    public bool? Administrator { get; set; }
}

/// <summary>A Workplace group.</summary>
internal sealed class GraphGroup
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Privacy { get; set; }

    public GraphProfile? Owner { get; set; }

    public bool? Archived { get; set; }

    public string? CreatedTime { get; set; }
}

/// <summary>What every reading of a feed item needs: its id and what tells a system story from a post.</summary>
internal abstract class GraphFeedItem
{
    public string? Id { get; set; }

    public string? Message { get; set; }

    public string? Link { get; set; }

    public string? Story { get; set; }

    /// <summary>Gets a value indicating whether the item is a system story ("Anna joined the group"): a story and nothing said or shared.</summary>
    [JsonIgnore]
    public bool IsStory => !string.IsNullOrWhiteSpace(Story) && string.IsNullOrWhiteSpace(Message) && string.IsNullOrWhiteSpace(Link);
}

/// <summary>A post in a group's feed, without its edges.</summary>
internal sealed class GraphPost : GraphFeedItem
{
    public string? CreatedTime { get; set; }

    public GraphProfile? From { get; set; }

    public string? Type { get; set; }

    public JsonElement? Poll { get; set; }
}

/// <summary>An edge saved inline in its object: <c>"comments": { "data": [ ... ], "paging": { ... } }</c>.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class GraphEdge<T>
{
    public List<T>? Data { get; set; }

    public GraphPaging? Paging { get; set; }

    /// <summary>Gets a value indicating whether the Graph API had more pages that were not saved.</summary>
    [JsonIgnore]
    public bool HasMore => !string.IsNullOrEmpty(Paging?.Next);
}

/// <summary>A page's paging links.</summary>
internal sealed class GraphPaging
{
    public string? Next { get; set; }
}

/// <summary>A post with its inline comments, for the comments pass.</summary>
internal sealed class GraphPostComments : GraphFeedItem
{
    public GraphEdge<GraphComment>? Comments { get; set; }
}

/// <summary>A post with its inline reactions and comments, for the reactions pass.</summary>
internal sealed class GraphPostReactions : GraphFeedItem
{
    public GraphEdge<GraphReaction>? Reactions { get; set; }

    public GraphEdge<GraphComment>? Comments { get; set; }
}

/// <summary>A comment, or a reply to one (<c>parent</c>).</summary>
internal sealed class GraphComment
{
    public string? Id { get; set; }

    public string? Message { get; set; }

    public string? CreatedTime { get; set; }

    public GraphProfile? From { get; set; }

    public GraphProfile? Parent { get; set; }

    public GraphEdge<GraphReaction>? Reactions { get; set; }
}

/// <summary>A reaction: the person who reacted and how; the Graph API gives no time.</summary>
internal sealed class GraphReaction
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Type { get; set; }
}

/// <summary>What the export script writes about the export itself in <c>export.json</c>.</summary>
internal sealed class GraphExportInfo
{
    public string? Name { get; set; }

    public string? ExportedTime { get; set; }
}
