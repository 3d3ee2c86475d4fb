using System.Text.Json;
using System.Text.Unicode;
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
    /// <summary>A parser of one kind of record, every field read: false to leave the line to System.Text.Json.</summary>
    public delegate bool TryParse<T>(ReadOnlySpan<byte> line, Utf8StringCache cache, out T? record)
        where T : class;

    /// <summary>
    /// A parser of one kind of record that reads the optional fields in <c>fields</c> and skips the others (left
    /// <see langword="null"/>); false to leave the line to System.Text.Json.
    /// </summary>
    public delegate bool TryParseProjected<T>(ReadOnlySpan<byte> line, Utf8StringCache cache, RecordFields fields, out T? record)
        where T : class;

    public static bool TryParsePerson(ReadOnlySpan<byte> line, Utf8StringCache cache, out Person? record) =>
        ParseRecord<PersonFields, Person>(line, cache, RecordFields.All, out record);

    public static bool TryParseGroup(ReadOnlySpan<byte> line, Utf8StringCache cache, out Group? record) =>
        ParseRecord<GroupFields, Group>(line, cache, RecordFields.All, out record);

    public static bool TryParseMembership(ReadOnlySpan<byte> line, Utf8StringCache cache, out Membership? record) =>
        ParseRecord<MembershipFields, Membership>(line, cache, RecordFields.All, out record);

    public static bool TryParsePost(ReadOnlySpan<byte> line, Utf8StringCache cache, out Post? record) =>
        ParseRecord<PostFields, Post>(line, cache, RecordFields.All, out record);

    public static bool TryParseComment(ReadOnlySpan<byte> line, Utf8StringCache cache, out Comment? record) =>
        ParseRecord<CommentFields, Comment>(line, cache, RecordFields.All, out record);

    public static bool TryParseReaction(ReadOnlySpan<byte> line, Utf8StringCache cache, out Reaction? record) =>
        ParseRecord<ReactionFields, Reaction>(line, cache, RecordFields.All, out record);

    // People, groups and memberships are always read whole (see RecordFields): these ignore the projection.
    public static bool TryParsePerson(ReadOnlySpan<byte> line, Utf8StringCache cache, RecordFields fields, out Person? record) =>
        ParseRecord<PersonFields, Person>(line, cache, RecordFields.All, out record);

    public static bool TryParseGroup(ReadOnlySpan<byte> line, Utf8StringCache cache, RecordFields fields, out Group? record) =>
        ParseRecord<GroupFields, Group>(line, cache, RecordFields.All, out record);

    public static bool TryParseMembership(ReadOnlySpan<byte> line, Utf8StringCache cache, RecordFields fields, out Membership? record) =>
        ParseRecord<MembershipFields, Membership>(line, cache, RecordFields.All, out record);

    public static bool TryParsePost(ReadOnlySpan<byte> line, Utf8StringCache cache, RecordFields fields, out Post? record) =>
        ParseRecord<PostFields, Post>(line, cache, fields, out record);

    public static bool TryParseComment(ReadOnlySpan<byte> line, Utf8StringCache cache, RecordFields fields, out Comment? record) =>
        ParseRecord<CommentFields, Comment>(line, cache, fields, out record);

    public static bool TryParseReaction(ReadOnlySpan<byte> line, Utf8StringCache cache, RecordFields fields, out Reaction? record) =>
        ParseRecord<ReactionFields, Reaction>(line, cache, fields, out record);

    // One walk for every kind of record: each field known and seen once, its value read by the kind's fields, the
    // line ended by the record's closing brace. A struct per kind, so the JIT makes one plain loop of each.
    private static bool ParseRecord<TFields, TRecord>(ReadOnlySpan<byte> line, Utf8StringCache cache, RecordFields projection, out TRecord? record)
        where TFields : struct, IRecordFields<TFields, TRecord>
        where TRecord : class
    {
        record = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!StartRecord(ref reader))
            {
                return false;
            }

            var fields = TFields.Create(projection);
            var seen = 0;
            while (NextField(ref reader, out var field))
            {
                var index = TFields.IndexOf(field);
                if (!FirstTime(index, ref seen) || !reader.Read() || !fields.Read(index, ref reader, cache))
                {
                    return false;
                }
            }

            if (!EndOfLine(ref reader))
            {
                return false;
            }

            record = fields.Build();
            return record is not null;
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            return false;
        }
    }

    /// <summary>The fields of one kind of record as they are read, and the record they make.</summary>
    private interface IRecordFields<TSelf, TRecord>
        where TSelf : struct, IRecordFields<TSelf, TRecord>
    {
        /// <summary>The fields before any is read: the record's defaults for absent fields, and which optional fields to read.</summary>
        static abstract TSelf Create(RecordFields projection);

        /// <summary>The field's number (below 32), or -1 for a name the record does not have.</summary>
        static abstract int IndexOf(ReadOnlySpan<byte> name);

        /// <summary>Reads field <paramref name="index"/>'s value at the reader; false when it is not plainly of its kind.</summary>
        bool Read(int index, ref Utf8JsonReader reader, Utf8StringCache cache);

        /// <summary>The record, or null when a field it needs is missing.</summary>
        TRecord? Build();
    }

    private struct PersonFields : IRecordFields<PersonFields, Person>
    {
        private string? _id, _name, _email, _title, _department, _company, _office, _country, _managerId;
        private List<string>? _roles;
        private PersonKind _kind;
        private bool _active;

        public static PersonFields Create(RecordFields projection) => new() { _kind = PersonKind.Person, _active = true };

        public static int IndexOf(ReadOnlySpan<byte> name) => name switch
        {
            _ when name.SequenceEqual("id"u8) => 0,
            _ when name.SequenceEqual("name"u8) => 1,
            _ when name.SequenceEqual("email"u8) => 2,
            _ when name.SequenceEqual("title"u8) => 3,
            _ when name.SequenceEqual("department"u8) => 4,
            _ when name.SequenceEqual("company"u8) => 5,
            _ when name.SequenceEqual("office"u8) => 6,
            _ when name.SequenceEqual("country"u8) => 7,
            _ when name.SequenceEqual("managerId"u8) => 8,
            _ when name.SequenceEqual("roles"u8) => 9,
            _ when name.SequenceEqual("kind"u8) => 10,
            _ when name.SequenceEqual("active"u8) => 11,
            _ => -1,
        };

        public bool Read(int index, ref Utf8JsonReader reader, Utf8StringCache cache) => index switch
        {
            0 => Text(ref reader, out _id),
            1 => Text(ref reader, out _name),
            2 => Text(ref reader, out _email),
            3 => Shared(ref reader, cache, out _title),
            4 => Shared(ref reader, cache, out _department),
            5 => Shared(ref reader, cache, out _company),
            6 => Shared(ref reader, cache, out _office),
            7 => Shared(ref reader, cache, out _country),
            8 => Shared(ref reader, cache, out _managerId),
            9 => TextList(ref reader, cache, out _roles),
            10 => Kind(ref reader, out _kind),
            _ => Flag(ref reader, out _active),
        };

        public readonly Person? Build() => _id is null ? null : new Person
        {
            Id = _id,
            Name = _name,
            Email = _email,
            Title = _title,
            Department = _department,
            Company = _company,
            Office = _office,
            Country = _country,
            ManagerId = _managerId,
            Roles = _roles ?? (IReadOnlyList<string>)[],
            Kind = _kind,
            Active = _active,
        };
    }

    private struct GroupFields : IRecordFields<GroupFields, Group>
    {
        private string? _id, _name, _description, _createdBy;
        private GroupPrivacy? _privacy;
        private DateTimeOffset? _createdAt;
        private bool _archived;
        private List<string>? _topics;

        public static GroupFields Create(RecordFields projection) => default;

        public static int IndexOf(ReadOnlySpan<byte> name) => name switch
        {
            _ when name.SequenceEqual("id"u8) => 0,
            _ when name.SequenceEqual("name"u8) => 1,
            _ when name.SequenceEqual("description"u8) => 2,
            _ when name.SequenceEqual("privacy"u8) => 3,
            _ when name.SequenceEqual("createdAt"u8) => 4,
            _ when name.SequenceEqual("createdBy"u8) => 5,
            _ when name.SequenceEqual("archived"u8) => 6,
            _ when name.SequenceEqual("topics"u8) => 7,
            _ => -1,
        };

        public bool Read(int index, ref Utf8JsonReader reader, Utf8StringCache cache) => index switch
        {
            0 => Text(ref reader, out _id),
            1 => Text(ref reader, out _name),
            2 => Text(ref reader, out _description),
            3 => Privacy(ref reader, out _privacy),
            4 => Date(ref reader, out _createdAt),
            5 => Shared(ref reader, cache, out _createdBy),
            6 => Flag(ref reader, out _archived),
            _ => TextList(ref reader, cache, out _topics),
        };

        public readonly Group? Build() => _id is null ? null : new Group
        {
            Id = _id,
            Name = _name,
            Description = _description,
            Privacy = _privacy,
            CreatedAt = _createdAt,
            CreatedBy = _createdBy,
            Archived = _archived,
            Topics = _topics ?? (IReadOnlyList<string>)[],
        };
    }

    private struct MembershipFields : IRecordFields<MembershipFields, Membership>
    {
        private string? _groupId, _personId;
        private MembershipRole _role;
        private DateTimeOffset? _joinedAt;

        public static MembershipFields Create(RecordFields projection) => new() { _role = MembershipRole.Member };

        public static int IndexOf(ReadOnlySpan<byte> name) => name switch
        {
            _ when name.SequenceEqual("groupId"u8) => 0,
            _ when name.SequenceEqual("personId"u8) => 1,
            _ when name.SequenceEqual("role"u8) => 2,
            _ when name.SequenceEqual("joinedAt"u8) => 3,
            _ => -1,
        };

        public bool Read(int index, ref Utf8JsonReader reader, Utf8StringCache cache) => index switch
        {
            0 => Shared(ref reader, cache, out _groupId),
            1 => Shared(ref reader, cache, out _personId),
            2 => Role(ref reader, out _role),
            _ => Date(ref reader, out _joinedAt),
        };

        public readonly Membership? Build() => _groupId is null || _personId is null
            ? null
            : new Membership { GroupId = _groupId, PersonId = _personId, Role = _role, JoinedAt = _joinedAt };
    }

    private struct PostFields : IRecordFields<PostFields, Post>
    {
        private string? _id, _groupId, _authorId, _delegateId, _title, _text;
        private DateTimeOffset? _createdAt;
        private PostType _type;
        private RecordFields _projection;

        public static PostFields Create(RecordFields projection) => new() { _type = PostType.Post, _projection = projection };

        public static int IndexOf(ReadOnlySpan<byte> name) => name switch
        {
            _ when name.SequenceEqual("id"u8) => 0,
            _ when name.SequenceEqual("groupId"u8) => 1,
            _ when name.SequenceEqual("authorId"u8) => 2,
            _ when name.SequenceEqual("delegateId"u8) => 3,
            _ when name.SequenceEqual("createdAt"u8) => 4,
            _ when name.SequenceEqual("type"u8) => 5,
            _ when name.SequenceEqual("title"u8) => 6,
            _ when name.SequenceEqual("text"u8) => 7,
            _ => -1,
        };

        public bool Read(int index, ref Utf8JsonReader reader, Utf8StringCache cache) => index switch
        {
            0 => Text(ref reader, out _id),
            1 => Shared(ref reader, cache, out _groupId),
            2 => Shared(ref reader, cache, out _authorId),
            3 => Shared(ref reader, cache, out _delegateId),
            4 => Date(ref reader, out _createdAt),
            5 => Type(ref reader, out _type),
            6 => (_projection & RecordFields.PostTitle) != 0 ? Text(ref reader, out _title) : Skipped(ref reader),
            _ => (_projection & RecordFields.PostText) != 0 ? Text(ref reader, out _text) : Skipped(ref reader),
        };

        public readonly Post? Build() => _id is null || _groupId is null ? null : new Post
        {
            Id = _id,
            GroupId = _groupId,
            AuthorId = _authorId,
            DelegateId = _delegateId,
            CreatedAt = _createdAt,
            Type = _type,
            Title = _title,
            Text = _text,
        };
    }

    private struct CommentFields : IRecordFields<CommentFields, Comment>
    {
        private string? _id, _postId, _parentId, _authorId, _delegateId, _text;
        private DateTimeOffset? _createdAt;
        private bool _acceptedAnswer;
        private RecordFields _projection;

        public static CommentFields Create(RecordFields projection) => new() { _projection = projection };

        public static int IndexOf(ReadOnlySpan<byte> name) => name switch
        {
            _ when name.SequenceEqual("id"u8) => 0,
            _ when name.SequenceEqual("postId"u8) => 1,
            _ when name.SequenceEqual("parentId"u8) => 2,
            _ when name.SequenceEqual("authorId"u8) => 3,
            _ when name.SequenceEqual("delegateId"u8) => 4,
            _ when name.SequenceEqual("createdAt"u8) => 5,
            _ when name.SequenceEqual("text"u8) => 6,
            _ when name.SequenceEqual("acceptedAnswer"u8) => 7,
            _ => -1,
        };

        public bool Read(int index, ref Utf8JsonReader reader, Utf8StringCache cache) => index switch
        {
            0 => Text(ref reader, out _id),
            1 => Shared(ref reader, cache, out _postId),
            2 => (_projection & RecordFields.CommentParentId) != 0 ? Text(ref reader, out _parentId) : Skipped(ref reader),
            3 => Shared(ref reader, cache, out _authorId),
            4 => Shared(ref reader, cache, out _delegateId),
            5 => Date(ref reader, out _createdAt),
            6 => (_projection & RecordFields.CommentText) != 0 ? Text(ref reader, out _text) : Skipped(ref reader),
            _ => Flag(ref reader, out _acceptedAnswer),
        };

        public readonly Comment? Build() => _id is null || _postId is null ? null : new Comment
        {
            Id = _id,
            PostId = _postId,
            ParentId = _parentId,
            AuthorId = _authorId,
            DelegateId = _delegateId,
            CreatedAt = _createdAt,
            Text = _text,
            AcceptedAnswer = _acceptedAnswer,
        };
    }

    private struct ReactionFields : IRecordFields<ReactionFields, Reaction>
    {
        private string? _targetId, _personId, _type;
        private DateTimeOffset? _createdAt;
        private RecordFields _projection;

        public static ReactionFields Create(RecordFields projection) => new() { _projection = projection };

        public static int IndexOf(ReadOnlySpan<byte> name) => name switch
        {
            _ when name.SequenceEqual("targetId"u8) => 0,
            _ when name.SequenceEqual("personId"u8) => 1,
            _ when name.SequenceEqual("type"u8) => 2,
            _ when name.SequenceEqual("createdAt"u8) => 3,
            _ => -1,
        };

        public bool Read(int index, ref Utf8JsonReader reader, Utf8StringCache cache) => index switch
        {
            0 => Shared(ref reader, cache, out _targetId),
            1 => Shared(ref reader, cache, out _personId),
            2 => (_projection & RecordFields.ReactionType) != 0 ? Shared(ref reader, cache, out _type) : Skipped(ref reader),
            _ => Date(ref reader, out _createdAt),
        };

        public readonly Reaction? Build() => _targetId is null || _personId is null
            ? null
            : new Reaction { TargetId = _targetId, PersonId = _personId, Type = _type, CreatedAt = _createdAt };
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
        value = reader.TokenType == JsonTokenType.String ? Utf8StringCache.Decode(ref reader) : null;
        return value is not null;
    }

    // A field outside the run's projection: not decoded, but checked as GetString would check it, so a value of the
    // wrong kind, bad UTF-8 or a bad escape still goes to System.Text.Json and gets its data issue.
    private static bool Skipped(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (reader.ValueIsEscaped)
        {
            return reader.GetString() is not null;
        }

        return Utf8.IsValid(reader.ValueSpan);
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
