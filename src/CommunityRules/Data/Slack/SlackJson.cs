using System.Text.Json.Serialization;

namespace CommunityRules.Data.Slack;

// The shapes of a Slack export's JSON, only the fields we read. Every field is optional: exports from different years
// and tools leave different ones out, and a missing field is handled where it matters, not by the deserializer.
#pragma warning disable CA1812 // Instantiated by the JSON source generator.
#pragma warning disable CA1819 // Arrays mirror the JSON.

/// <summary>An entry of <c>users.json</c> or <c>org_users.json</c>.</summary>
internal sealed class SlackUser
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? RealName { get; set; }

    public bool? Deleted { get; set; }

    public bool? IsBot { get; set; }

    public bool? IsAppUser { get; set; }

    public bool? IsAdmin { get; set; }

    public bool? IsOwner { get; set; }

    public bool? IsPrimaryOwner { get; set; }

    public bool? IsRestricted { get; set; }

    public bool? IsUltraRestricted { get; set; }

    public SlackProfile? Profile { get; set; }
}

/// <summary>A user's profile.</summary>
internal sealed class SlackProfile
{
    public string? RealName { get; set; }

    public string? DisplayName { get; set; }

    public string? Title { get; set; }

    public string? Email { get; set; }

    public string? BotId { get; set; }
}

/// <summary>An entry of <c>channels.json</c>, <c>groups.json</c>, <c>dms.json</c> or <c>mpims.json</c>.</summary>
internal sealed class SlackChannel
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public long? Created { get; set; }

    public string? Creator { get; set; }

    public bool? IsArchived { get; set; }

    public bool? IsMpim { get; set; }

    public string?[]? Members { get; set; }

    public SlackText? Topic { get; set; }

    public SlackText? Purpose { get; set; }
}

/// <summary>A channel's topic or purpose.</summary>
internal sealed class SlackText
{
    public string? Value { get; set; }
}

/// <summary>A message in a channel's day file.</summary>
internal sealed class SlackMessage
{
    public string? Type { get; set; }

    public string? Subtype { get; set; }

    public bool? Hidden { get; set; }

    public string? User { get; set; }

    public string? BotId { get; set; }

    public string? Username { get; set; }

    public SlackBotProfile? BotProfile { get; set; }

    public string? Text { get; set; }

    public string? Ts { get; set; }

    public string? ThreadTs { get; set; }

    public SlackReaction?[]? Reactions { get; set; }

    public SlackFile?[]? Files { get; set; }

    /// <summary>Gets or sets the one file of a <c>file_share</c> in exports before 2019.</summary>
    public SlackFile? File { get; set; }

    /// <summary>Gets or sets the comment of a <c>file_comment</c> in exports before 2019; its author is the message's.</summary>
    public SlackFileComment? Comment { get; set; }

    public SlackAttachment?[]? Attachments { get; set; }
}

/// <summary>The bot that wrote a <c>bot_message</c>.</summary>
internal sealed class SlackBotProfile
{
    public string? Name { get; set; }
}

/// <summary>One emoji's reactions to a message: who, not when.</summary>
internal sealed class SlackReaction
{
    public string? Name { get; set; }

    public string?[]? Users { get; set; }

    public int? Count { get; set; }
}

/// <summary>A file shared in a message.</summary>
internal sealed class SlackFile
{
    public string? Permalink { get; set; }

    public string? UrlPrivate { get; set; }
}

/// <summary>A comment on a file, in old exports.</summary>
internal sealed class SlackFileComment
{
    public string? User { get; set; }
}

/// <summary>A link preview or a bot's card attached to a message.</summary>
internal sealed class SlackAttachment
{
    public string? Fallback { get; set; }

    public string? FromUrl { get; set; }

    public string? TitleLink { get; set; }
}

/// <summary>Source-generated JSON metadata: snake_case names; <c>"created": "1452837318"</c> is read as the number it is.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(SlackUser))]
[JsonSerializable(typeof(SlackChannel))]
[JsonSerializable(typeof(SlackMessage))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
