using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CommunityRules.Data.Teams;

// The parts of Microsoft Graph's resources the provider reads; every other property of a page is skipped. Dates are
// read as text and parsed by the provider, so a time without an offset is UTC whatever the machine's time zone.

/// <summary>A <c>user</c>, or any <c>directoryObject</c> in an owners or members page.</summary>
internal sealed class GraphUser
{
    [JsonPropertyName("@odata.type")]
    public string? ODataType { get; set; }

    public string? Id { get; set; }

    public string? DisplayName { get; set; }

    public string? Mail { get; set; }

    public string? JobTitle { get; set; }

    public string? Department { get; set; }

    public string? CompanyName { get; set; }

    public string? OfficeLocation { get; set; }

    public string? Country { get; set; }

    public bool? AccountEnabled { get; set; }
}

/// <summary>A Microsoft 365 <c>group</c>: the group behind a team.</summary>
internal sealed class GraphGroup
{
    public string? Id { get; set; }

    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    public string? Visibility { get; set; }

    public string? CreatedDateTime { get; set; }
}

/// <summary>A <c>chatMessage</c> in a channel: a thread's first message, or a reply.</summary>
internal sealed class GraphMessage
{
    public string? Id { get; set; }

    public string? ReplyToId { get; set; }

    public string? MessageType { get; set; }

    public string? CreatedDateTime { get; set; }

    public string? DeletedDateTime { get; set; }

    public string? Subject { get; set; }

    public GraphBody? Body { get; set; }

    public GraphIdentitySet? From { get; set; }

    public List<GraphAttachment?>? Attachments { get; set; }

    public List<GraphReaction?>? Reactions { get; set; }

    public List<GraphMessage?>? Replies { get; set; }

    [JsonPropertyName("replies@odata.nextLink")]
    public string? RepliesNextLink { get; set; }
}

/// <summary>A message's <c>itemBody</c>.</summary>
internal sealed class GraphBody
{
    public string? ContentType { get; set; }

    public string? Content { get; set; }
}

/// <summary>Who sent or reacted: a user or an application (a bot).</summary>
internal sealed class GraphIdentitySet
{
    public GraphIdentity? User { get; set; }

    public GraphIdentity? Application { get; set; }
}

/// <summary>One identity of an identity set.</summary>
internal sealed class GraphIdentity
{
    public string? Id { get; set; }

    public string? DisplayName { get; set; }
}

/// <summary>A <c>chatMessageAttachment</c>: a file link, a card or a quoted message.</summary>
internal sealed class GraphAttachment
{
    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    public string? Name { get; set; }
}

/// <summary>A <c>chatMessageReaction</c>.</summary>
internal sealed class GraphReaction
{
    public string? ReactionType { get; set; }

    public string? DisplayName { get; set; }

    public string? CreatedDateTime { get; set; }

    public GraphIdentitySet? User { get; set; }
}

/// <summary>Source-generated metadata for the Graph resources: camelCase names, unknown properties skipped.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GraphUser))]
[JsonSerializable(typeof(GraphGroup))]
[JsonSerializable(typeof(GraphMessage))]
internal sealed partial class GraphJsonContext : JsonSerializerContext;

/// <summary>
/// Views of a message for passes that need less than all of it: the JSON reader skips what a view leaves out
/// without making strings of it, so the passes for people and reactions do not pay for every body's text.
/// </summary>
internal static class GraphMessageViews
{
    /// <summary>Gets the whole message, for the comments.</summary>
    public static JsonTypeInfo<GraphMessage> Full => GraphJsonContext.Default.GraphMessage;

    /// <summary>Gets the message without its replies, for the posts.</summary>
    public static JsonTypeInfo<GraphMessage> WithoutReplies { get; } = View("replies", "replies@odata.nextLink");

    /// <summary>Gets the message and its replies without their text, for the reactions.</summary>
    public static JsonTypeInfo<GraphMessage> WithoutText { get; } = View("body", "attachments", "subject");

    /// <summary>Gets who sent the message and its replies, for the people.</summary>
    public static JsonTypeInfo<GraphMessage> Senders { get; } = View("body", "attachments", "subject", "reactions");

    private static JsonTypeInfo<GraphMessage> View(params string[] leftOut)
    {
        var resolver = GraphJsonContext.Default.WithAddedModifier(info =>
        {
            if (info.Type == typeof(GraphMessage))
            {
                foreach (var property in info.Properties.Where(property => leftOut.Contains(property.Name, StringComparer.Ordinal)).ToList())
                {
                    info.Properties.Remove(property);
                }
            }
        });
        // The context's own options carry its camelCase naming; new options would look for "Id" instead of "id".
        return (JsonTypeInfo<GraphMessage>)new JsonSerializerOptions(GraphJsonContext.Default.Options) { TypeInfoResolver = resolver }.GetTypeInfo(typeof(GraphMessage));
    }
}
