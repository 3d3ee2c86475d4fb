using System.Text.Json;

namespace CommunityRules.Data.Slack;

/// <summary>
/// Reads a day file's message straight from its bytes, several times faster than the serializer: a million-message
/// export is read message by message in three passes. It reads exactly what <see cref="SlackJsonContext"/> would, and
/// gives up on anything the serializer might read otherwise or refuse (an escaped field name, a value of another type,
/// a count written as text, text that is not UTF-8); the serializer then reads that message and names what is wrong.
/// </summary>
internal static class SlackMessageParser
{
    /// <summary>Reads a message, or returns <see langword="null"/> to leave it to the serializer.</summary>
    /// <param name="json">One element of a day file: a JSON object.</param>
    /// <returns>The message, or <see langword="null"/>.</returns>
    public static SlackMessage? TryParse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject ? ReadMessage(ref reader) : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static SlackMessage? ReadMessage(ref Utf8JsonReader reader)
    {
        var message = new SlackMessage();
        while (NextProperty(ref reader, out var name))
        {
            var ok = true;
            if (name.SequenceEqual("type"u8))
            {
                ok = TryString(ref reader, out var type);
                message.Type = type;
            }
            else if (name.SequenceEqual("user"u8))
            {
                ok = TryString(ref reader, out var user);
                message.User = user;
            }
            else if (name.SequenceEqual("text"u8))
            {
                ok = TryString(ref reader, out var text);
                message.Text = text;
            }
            else if (name.SequenceEqual("ts"u8))
            {
                ok = TryString(ref reader, out var ts);
                message.Ts = ts;
            }
            else if (name.SequenceEqual("thread_ts"u8))
            {
                ok = TryString(ref reader, out var threadTs);
                message.ThreadTs = threadTs;
            }
            else if (name.SequenceEqual("reactions"u8))
            {
                ok = TryReactions(ref reader, out var reactions);
                message.Reactions = reactions;
            }
            else if (name.SequenceEqual("subtype"u8))
            {
                ok = TryString(ref reader, out var subtype);
                message.Subtype = subtype;
            }
            else if (name.SequenceEqual("hidden"u8))
            {
                ok = TryBool(ref reader, out var hidden);
                message.Hidden = hidden;
            }
            else if (name.SequenceEqual("bot_id"u8))
            {
                ok = TryString(ref reader, out var botId);
                message.BotId = botId;
            }
            else if (name.SequenceEqual("username"u8))
            {
                ok = TryString(ref reader, out var username);
                message.Username = username;
            }
            else if (name.SequenceEqual("bot_profile"u8))
            {
                ok = TryBotProfile(ref reader, out var bot);
                message.BotProfile = bot;
            }
            else if (name.SequenceEqual("files"u8))
            {
                ok = TryFiles(ref reader, out var files);
                message.Files = files;
            }
            else if (name.SequenceEqual("file"u8))
            {
                ok = TryFile(ref reader, out var file);
                message.File = file;
            }
            else if (name.SequenceEqual("comment"u8))
            {
                ok = TryComment(ref reader, out var comment);
                message.Comment = comment;
            }
            else if (name.SequenceEqual("attachments"u8))
            {
                ok = TryAttachments(ref reader, out var cards);
                message.Attachments = cards;
            }
            else
            {
                reader.Skip();
            }

            if (!ok)
            {
                return null;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject ? message : null;
    }

    // Moves to the next field's value; false at the end of the object, and on an escaped name, which the caller then
    // sees as the object not ending where it should.
    private static bool NextProperty(ref Utf8JsonReader reader, out ReadOnlySpan<byte> name)
    {
        name = default;
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped)
        {
            return false;
        }

        name = reader.ValueSpan;
        return reader.Read();
    }

    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String:
                // Nearly every message is of type "message"; one string serves them all.
                value = !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual("message"u8) ? "message" : reader.GetString();
                return true;
            default:
                return false;
        }
    }

    private static bool TryBool(ref Utf8JsonReader reader, out bool? value)
    {
        value = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return value is not null || reader.TokenType == JsonTokenType.Null;
    }

    // The serializer reads a count written as text too (numbers may be strings); that is rare, so it is left to it.
    private static bool TryCount(ref Utf8JsonReader reader, out int? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var count))
        {
            value = count;
            return true;
        }

        return reader.TokenType == JsonTokenType.Null;
    }

    // Null, or the start of an object or array of the kind wanted; anything else is the serializer's to refuse.
    private static bool TryStart(ref Utf8JsonReader reader, JsonTokenType start, out bool isNull)
    {
        isNull = reader.TokenType == JsonTokenType.Null;
        return isNull || reader.TokenType == start;
    }

    private static bool TryReactions(ref Utf8JsonReader reader, out SlackReaction?[]? value)
    {
        value = null;
        if (!TryStart(ref reader, JsonTokenType.StartArray, out var isNull) || isNull)
        {
            return isNull;
        }

        var list = new List<SlackReaction?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryReaction(ref reader, out var reaction))
            {
                return false;
            }

            list.Add(reaction);
        }

        value = [.. list];
        return true;
    }

    private static bool TryReaction(ref Utf8JsonReader reader, out SlackReaction? value)
    {
        value = null;
        if (!TryStart(ref reader, JsonTokenType.StartObject, out var isNull) || isNull)
        {
            return isNull;
        }

        var reaction = new SlackReaction();
        while (NextProperty(ref reader, out var name))
        {
            var ok = true;
            if (name.SequenceEqual("name"u8))
            {
                ok = TryString(ref reader, out var emoji);
                reaction.Name = emoji;
            }
            else if (name.SequenceEqual("users"u8))
            {
                ok = TryStrings(ref reader, out var users);
                reaction.Users = users;
            }
            else if (name.SequenceEqual("count"u8))
            {
                ok = TryCount(ref reader, out var count);
                reaction.Count = count;
            }
            else
            {
                reader.Skip();
            }

            if (!ok)
            {
                return false;
            }
        }

        value = reaction;
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryStrings(ref Utf8JsonReader reader, out string?[]? value)
    {
        value = null;
        if (!TryStart(ref reader, JsonTokenType.StartArray, out var isNull) || isNull)
        {
            return isNull;
        }

        var list = new List<string?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryString(ref reader, out var item))
            {
                return false;
            }

            list.Add(item);
        }

        value = [.. list];
        return true;
    }

    private static bool TryFiles(ref Utf8JsonReader reader, out SlackFile?[]? value)
    {
        value = null;
        if (!TryStart(ref reader, JsonTokenType.StartArray, out var isNull) || isNull)
        {
            return isNull;
        }

        var list = new List<SlackFile?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryFile(ref reader, out var file))
            {
                return false;
            }

            list.Add(file);
        }

        value = [.. list];
        return true;
    }

    private static bool TryFile(ref Utf8JsonReader reader, out SlackFile? value)
    {
        value = null;
        if (!TryStart(ref reader, JsonTokenType.StartObject, out var isNull) || isNull)
        {
            return isNull;
        }

        var file = new SlackFile();
        while (NextProperty(ref reader, out var name))
        {
            var ok = true;
            if (name.SequenceEqual("permalink"u8))
            {
                ok = TryString(ref reader, out var permalink);
                file.Permalink = permalink;
            }
            else if (name.SequenceEqual("url_private"u8))
            {
                ok = TryString(ref reader, out var url);
                file.UrlPrivate = url;
            }
            else
            {
                reader.Skip();
            }

            if (!ok)
            {
                return false;
            }
        }

        value = file;
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryComment(ref Utf8JsonReader reader, out SlackFileComment? value)
    {
        value = null;
        if (!TryStart(ref reader, JsonTokenType.StartObject, out var isNull) || isNull)
        {
            return isNull;
        }

        var comment = new SlackFileComment();
        while (NextProperty(ref reader, out var name))
        {
            if (!name.SequenceEqual("user"u8))
            {
                reader.Skip();
            }
            else if (TryString(ref reader, out var user))
            {
                comment.User = user;
            }
            else
            {
                return false;
            }
        }

        value = comment;
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryBotProfile(ref Utf8JsonReader reader, out SlackBotProfile? value)
    {
        value = null;
        if (!TryStart(ref reader, JsonTokenType.StartObject, out var isNull) || isNull)
        {
            return isNull;
        }

        var bot = new SlackBotProfile();
        while (NextProperty(ref reader, out var name))
        {
            if (!name.SequenceEqual("name"u8))
            {
                reader.Skip();
            }
            else if (TryString(ref reader, out var botName))
            {
                bot.Name = botName;
            }
            else
            {
                return false;
            }
        }

        value = bot;
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryAttachments(ref Utf8JsonReader reader, out SlackAttachment?[]? value)
    {
        value = null;
        if (!TryStart(ref reader, JsonTokenType.StartArray, out var isNull) || isNull)
        {
            return isNull;
        }

        var list = new List<SlackAttachment?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryAttachment(ref reader, out var card))
            {
                return false;
            }

            list.Add(card);
        }

        value = [.. list];
        return true;
    }

    private static bool TryAttachment(ref Utf8JsonReader reader, out SlackAttachment? value)
    {
        value = null;
        if (!TryStart(ref reader, JsonTokenType.StartObject, out var isNull) || isNull)
        {
            return isNull;
        }

        var card = new SlackAttachment();
        while (NextProperty(ref reader, out var name))
        {
            var ok = true;
            if (name.SequenceEqual("fallback"u8))
            {
                ok = TryString(ref reader, out var fallback);
                card.Fallback = fallback;
            }
            else if (name.SequenceEqual("from_url"u8))
            {
                ok = TryString(ref reader, out var from);
                card.FromUrl = from;
            }
            else if (name.SequenceEqual("title_link"u8))
            {
                ok = TryString(ref reader, out var title);
                card.TitleLink = title;
            }
            else
            {
                reader.Skip();
            }

            if (!ok)
            {
                return false;
            }
        }

        value = card;
        return reader.TokenType == JsonTokenType.EndObject;
    }
}
