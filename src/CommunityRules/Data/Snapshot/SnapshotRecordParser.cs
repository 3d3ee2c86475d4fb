using System.Text.Json;
using CommunityRules.Model;

namespace CommunityRules.Data.Snapshot;

/// <summary>
/// Hand-written readers of the snapshot's record lines: a <see cref="Utf8JsonReader"/> walks the line once and the
/// record is built from its fields, with no reflection. They read only the plain case: an object of known fields,
/// each once, under its exact name, with a value of its kind and no <c>null</c>. Anything else (bad JSON, a field
/// twice, an unknown or misspelt field, a wrong kind of value, an unknown enum name, a date that is not ISO 8601, a
/// value after the record) makes them give up, and the line goes to System.Text.Json
/// (<see cref="SnapshotJsonContext"/>), which accepts or refuses it and words the data issue as before. So a line
/// either gives the record System.Text.Json would give or is read by it.
/// </summary>
internal static class SnapshotRecordParser
{
    /// <summary>A parser of one kind of record: false to leave the line to System.Text.Json.</summary>
    public delegate bool TryParse<T>(ReadOnlySpan<byte> line, Utf8StringCache cache, out T? record)
        where T : class;

    public static bool TryParsePerson(ReadOnlySpan<byte> line, Utf8StringCache cache, out Person? record)
    {
        record = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!StartRecord(ref reader))
            {
                return false;
            }

            string? id = null, name = null, email = null, title = null, department = null, company = null, office = null, country = null, managerId = null;
            List<string>? roles = null;
            var kind = PersonKind.Person;
            var active = true;
            var seen = 0;
            while (NextField(ref reader, out var field))
            {
                var index = field switch
                {
                    _ when field.SequenceEqual("id"u8) => 0,
                    _ when field.SequenceEqual("name"u8) => 1,
                    _ when field.SequenceEqual("email"u8) => 2,
                    _ when field.SequenceEqual("title"u8) => 3,
                    _ when field.SequenceEqual("department"u8) => 4,
                    _ when field.SequenceEqual("company"u8) => 5,
                    _ when field.SequenceEqual("office"u8) => 6,
                    _ when field.SequenceEqual("country"u8) => 7,
                    _ when field.SequenceEqual("managerId"u8) => 8,
                    _ when field.SequenceEqual("roles"u8) => 9,
                    _ when field.SequenceEqual("kind"u8) => 10,
                    _ when field.SequenceEqual("active"u8) => 11,
                    _ => -1,
                };
                if (!FirstTime(index, ref seen) || !reader.Read())
                {
                    return false;
                }

                var ok = index switch
                {
                    0 => Text(ref reader, out id),
                    1 => Text(ref reader, out name),
                    2 => Text(ref reader, out email),
                    3 => Shared(ref reader, cache, out title),
                    4 => Shared(ref reader, cache, out department),
                    5 => Shared(ref reader, cache, out company),
                    6 => Shared(ref reader, cache, out office),
                    7 => Shared(ref reader, cache, out country),
                    8 => Shared(ref reader, cache, out managerId),
                    9 => TextList(ref reader, cache, out roles),
                    10 => Kind(ref reader, out kind),
                    _ => Flag(ref reader, out active),
                };
                if (!ok)
                {
                    return false;
                }
            }

            if (id is null || !EndOfLine(ref reader))
            {
                return false;
            }

            record = new Person
            {
                Id = id,
                Name = name,
                Email = email,
                Title = title,
                Department = department,
                Company = company,
                Office = office,
                Country = country,
                ManagerId = managerId,
                Roles = roles ?? (IReadOnlyList<string>)[],
                Kind = kind,
                Active = active,
            };
            return true;
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            return false;
        }
    }

    public static bool TryParseGroup(ReadOnlySpan<byte> line, Utf8StringCache cache, out Group? record)
    {
        record = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!StartRecord(ref reader))
            {
                return false;
            }

            string? id = null, name = null, description = null, createdBy = null;
            GroupPrivacy? privacy = null;
            DateTimeOffset? createdAt = null;
            var archived = false;
            List<string>? topics = null;
            var seen = 0;
            while (NextField(ref reader, out var field))
            {
                var index = field switch
                {
                    _ when field.SequenceEqual("id"u8) => 0,
                    _ when field.SequenceEqual("name"u8) => 1,
                    _ when field.SequenceEqual("description"u8) => 2,
                    _ when field.SequenceEqual("privacy"u8) => 3,
                    _ when field.SequenceEqual("createdAt"u8) => 4,
                    _ when field.SequenceEqual("createdBy"u8) => 5,
                    _ when field.SequenceEqual("archived"u8) => 6,
                    _ when field.SequenceEqual("topics"u8) => 7,
                    _ => -1,
                };
                if (!FirstTime(index, ref seen) || !reader.Read())
                {
                    return false;
                }

                var ok = index switch
                {
                    0 => Text(ref reader, out id),
                    1 => Text(ref reader, out name),
                    2 => Text(ref reader, out description),
                    3 => Privacy(ref reader, out privacy),
                    4 => Date(ref reader, out createdAt),
                    5 => Shared(ref reader, cache, out createdBy),
                    6 => Flag(ref reader, out archived),
                    _ => TextList(ref reader, cache, out topics),
                };
                if (!ok)
                {
                    return false;
                }
            }

            if (id is null || !EndOfLine(ref reader))
            {
                return false;
            }

            record = new Group
            {
                Id = id,
                Name = name,
                Description = description,
                Privacy = privacy,
                CreatedAt = createdAt,
                CreatedBy = createdBy,
                Archived = archived,
                Topics = topics ?? (IReadOnlyList<string>)[],
            };
            return true;
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            return false;
        }
    }

    public static bool TryParseMembership(ReadOnlySpan<byte> line, Utf8StringCache cache, out Membership? record)
    {
        record = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!StartRecord(ref reader))
            {
                return false;
            }

            string? groupId = null, personId = null;
            var role = MembershipRole.Member;
            DateTimeOffset? joinedAt = null;
            var seen = 0;
            while (NextField(ref reader, out var field))
            {
                var index = field switch
                {
                    _ when field.SequenceEqual("groupId"u8) => 0,
                    _ when field.SequenceEqual("personId"u8) => 1,
                    _ when field.SequenceEqual("role"u8) => 2,
                    _ when field.SequenceEqual("joinedAt"u8) => 3,
                    _ => -1,
                };
                if (!FirstTime(index, ref seen) || !reader.Read())
                {
                    return false;
                }

                var ok = index switch
                {
                    0 => Shared(ref reader, cache, out groupId),
                    1 => Shared(ref reader, cache, out personId),
                    2 => Role(ref reader, out role),
                    _ => Date(ref reader, out joinedAt),
                };
                if (!ok)
                {
                    return false;
                }
            }

            if (groupId is null || personId is null || !EndOfLine(ref reader))
            {
                return false;
            }

            record = new Membership { GroupId = groupId, PersonId = personId, Role = role, JoinedAt = joinedAt };
            return true;
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            return false;
        }
    }

    public static bool TryParsePost(ReadOnlySpan<byte> line, Utf8StringCache cache, out Post? record)
    {
        record = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!StartRecord(ref reader))
            {
                return false;
            }

            string? id = null, groupId = null, authorId = null, delegateId = null, title = null, text = null;
            DateTimeOffset? createdAt = null;
            var type = PostType.Post;
            var seen = 0;
            while (NextField(ref reader, out var field))
            {
                var index = field switch
                {
                    _ when field.SequenceEqual("id"u8) => 0,
                    _ when field.SequenceEqual("groupId"u8) => 1,
                    _ when field.SequenceEqual("authorId"u8) => 2,
                    _ when field.SequenceEqual("delegateId"u8) => 3,
                    _ when field.SequenceEqual("createdAt"u8) => 4,
                    _ when field.SequenceEqual("type"u8) => 5,
                    _ when field.SequenceEqual("title"u8) => 6,
                    _ when field.SequenceEqual("text"u8) => 7,
                    _ => -1,
                };
                if (!FirstTime(index, ref seen) || !reader.Read())
                {
                    return false;
                }

                var ok = index switch
                {
                    0 => Text(ref reader, out id),
                    1 => Shared(ref reader, cache, out groupId),
                    2 => Shared(ref reader, cache, out authorId),
                    3 => Shared(ref reader, cache, out delegateId),
                    4 => Date(ref reader, out createdAt),
                    5 => Type(ref reader, out type),
                    6 => Text(ref reader, out title),
                    _ => Text(ref reader, out text),
                };
                if (!ok)
                {
                    return false;
                }
            }

            if (id is null || groupId is null || !EndOfLine(ref reader))
            {
                return false;
            }

            record = new Post
            {
                Id = id,
                GroupId = groupId,
                AuthorId = authorId,
                DelegateId = delegateId,
                CreatedAt = createdAt,
                Type = type,
                Title = title,
                Text = text,
            };
            return true;
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            return false;
        }
    }

    public static bool TryParseComment(ReadOnlySpan<byte> line, Utf8StringCache cache, out Comment? record)
    {
        record = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!StartRecord(ref reader))
            {
                return false;
            }

            string? id = null, postId = null, parentId = null, authorId = null, delegateId = null, text = null;
            DateTimeOffset? createdAt = null;
            var acceptedAnswer = false;
            var seen = 0;
            while (NextField(ref reader, out var field))
            {
                var index = field switch
                {
                    _ when field.SequenceEqual("id"u8) => 0,
                    _ when field.SequenceEqual("postId"u8) => 1,
                    _ when field.SequenceEqual("parentId"u8) => 2,
                    _ when field.SequenceEqual("authorId"u8) => 3,
                    _ when field.SequenceEqual("delegateId"u8) => 4,
                    _ when field.SequenceEqual("createdAt"u8) => 5,
                    _ when field.SequenceEqual("text"u8) => 6,
                    _ when field.SequenceEqual("acceptedAnswer"u8) => 7,
                    _ => -1,
                };
                if (!FirstTime(index, ref seen) || !reader.Read())
                {
                    return false;
                }

                var ok = index switch
                {
                    0 => Text(ref reader, out id),
                    1 => Shared(ref reader, cache, out postId),
                    2 => Text(ref reader, out parentId),
                    3 => Shared(ref reader, cache, out authorId),
                    4 => Shared(ref reader, cache, out delegateId),
                    5 => Date(ref reader, out createdAt),
                    6 => Text(ref reader, out text),
                    _ => Flag(ref reader, out acceptedAnswer),
                };
                if (!ok)
                {
                    return false;
                }
            }

            if (id is null || postId is null || !EndOfLine(ref reader))
            {
                return false;
            }

            record = new Comment
            {
                Id = id,
                PostId = postId,
                ParentId = parentId,
                AuthorId = authorId,
                DelegateId = delegateId,
                CreatedAt = createdAt,
                Text = text,
                AcceptedAnswer = acceptedAnswer,
            };
            return true;
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            return false;
        }
    }

    public static bool TryParseReaction(ReadOnlySpan<byte> line, Utf8StringCache cache, out Reaction? record)
    {
        record = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!StartRecord(ref reader))
            {
                return false;
            }

            string? targetId = null, personId = null, type = null;
            DateTimeOffset? createdAt = null;
            var seen = 0;
            while (NextField(ref reader, out var field))
            {
                var index = field switch
                {
                    _ when field.SequenceEqual("targetId"u8) => 0,
                    _ when field.SequenceEqual("personId"u8) => 1,
                    _ when field.SequenceEqual("type"u8) => 2,
                    _ when field.SequenceEqual("createdAt"u8) => 3,
                    _ => -1,
                };
                if (!FirstTime(index, ref seen) || !reader.Read())
                {
                    return false;
                }

                var ok = index switch
                {
                    0 => Shared(ref reader, cache, out targetId),
                    1 => Shared(ref reader, cache, out personId),
                    2 => Shared(ref reader, cache, out type),
                    _ => Date(ref reader, out createdAt),
                };
                if (!ok)
                {
                    return false;
                }
            }

            if (targetId is null || personId is null || !EndOfLine(ref reader))
            {
                return false;
            }

            record = new Reaction { TargetId = targetId, PersonId = personId, Type = type, CreatedAt = createdAt };
            return true;
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            return false;
        }
    }

    // What the reader or the decoding throws on a line System.Text.Json should judge instead.
    private static bool IsRefusal(Exception ex) => ex is JsonException or InvalidOperationException or FormatException or ArgumentException;

    private static bool StartRecord(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.StartObject;

    // Moves to the next field's name; false at the record's end. An escaped name is left to System.Text.Json (as no field).
    private static bool NextField(ref Utf8JsonReader reader, out ReadOnlySpan<byte> name)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            name = default;
            return false;
        }

        name = reader.ValueIsEscaped ? default : reader.ValueSpan;
        return true;
    }

    // True for a known field not seen before in the record.
    private static bool FirstTime(int index, ref int seen)
    {
        if (index < 0 || (seen & (1 << index)) != 0)
        {
            return false;
        }

        seen |= 1 << index;
        return true;
    }

    // The record ended with its closing brace (not a cut-off line), and nothing but blanks follow it.
    private static bool EndOfLine(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0 && !reader.Read();

    private static bool Text(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    private static bool Shared(ref Utf8JsonReader reader, Utf8StringCache cache, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? cache.GetString(ref reader) : null;
        return value is not null;
    }

    private static bool TextList(ref Utf8JsonReader reader, Utf8StringCache cache, out List<string>? values)
    {
        values = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        // System.Text.Json makes a List<string> for an IReadOnlyList<string> property; so does this.
        var list = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            list.Add(cache.GetString(ref reader));
        }

        values = list;
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool Flag(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    private static bool Date(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String || !UtcDateTimeOffsetConverter.TryRead(ref reader, out var date))
        {
            return false;
        }

        value = date;
        return true;
    }

    // Enum names exactly as the converter writes them (camelCase, unescaped); any other spelling is System.Text.Json's to judge.
    private static bool Kind(ref Utf8JsonReader reader, out PersonKind value)
    {
        value = PersonKind.Person;
        var name = EnumName(ref reader);
        if (name.SequenceEqual("person"u8))
        {
            return true;
        }

        value = name.SequenceEqual("bot"u8) ? PersonKind.Bot : PersonKind.System;
        return value == PersonKind.Bot || name.SequenceEqual("system"u8);
    }

    private static bool Privacy(ref Utf8JsonReader reader, out GroupPrivacy? value)
    {
        var name = EnumName(ref reader);
        value = name.SequenceEqual("open"u8) ? GroupPrivacy.Open
            : name.SequenceEqual("closed"u8) ? GroupPrivacy.Closed
            : name.SequenceEqual("secret"u8) ? GroupPrivacy.Secret
            : null;
        return value is not null;
    }

    private static bool Role(ref Utf8JsonReader reader, out MembershipRole value)
    {
        var name = EnumName(ref reader);
        value = name.SequenceEqual("admin"u8) ? MembershipRole.Admin : MembershipRole.Member;
        return value == MembershipRole.Admin || name.SequenceEqual("member"u8);
    }

    private static bool Type(ref Utf8JsonReader reader, out PostType value)
    {
        var name = EnumName(ref reader);
        PostType? known = name.SequenceEqual("post"u8) ? PostType.Post
            : name.SequenceEqual("question"u8) ? PostType.Question
            : name.SequenceEqual("announcement"u8) ? PostType.Announcement
            : name.SequenceEqual("poll"u8) ? PostType.Poll
            : null;
        value = known.GetValueOrDefault();
        return known is not null;
    }

    // The raw name of an enum value; empty (matching no name) for anything but a plain string.
    private static ReadOnlySpan<byte> EnumName(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped ? reader.ValueSpan : default;
}
