using System.Globalization;
using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Rules;

/// <summary>The entity a rule is evaluated on, with the group it sits in (for posts and comments) and the network.</summary>
internal readonly record struct FieldSubject(object Entity, Group? Group, NetworkView Network);

/// <summary>One readable field, such as <c>group.name</c> or <c>author.roles</c>: a scalar, or a list for roles and topics.</summary>
internal sealed class EntityField(string path, Func<FieldSubject, string?> scalar, Func<FieldSubject, IReadOnlyList<string>?>? list = null)
{
    public string Path { get; } = path;

    public bool IsList => list is not null;

    public string? ReadText(FieldSubject subject) => list is null ? scalar(subject) : list(subject) is { } values ? string.Join(", ", values) : null;

    /// <summary>Says whether the value, or one of the list's values, satisfies the predicate; allocates nothing of its own.</summary>
    public bool AnyValue<TState>(FieldSubject subject, TState state, Func<string, TState, bool> predicate)
    {
        if (list is not null)
        {
            if (list(subject) is not { } values)
            {
                return false;
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (predicate(values[i], state))
                {
                    return true;
                }
            }

            return false;
        }

        return scalar(subject) is { } value && predicate(value, state);
    }
}

/// <summary>
/// The fields that scopes (<c>where:</c>) and messages (<c>{placeholders}</c>) can name, per target kind. Paths are
/// absolute (<c>group.privacy</c>, <c>author.country</c>); a scope may also name the target's own fields bare (<c>privacy</c>).
/// </summary>
internal static class EntityFields
{
    private static readonly Dictionary<TargetKind, Dictionary<string, EntityField>> ByTarget = new()
    {
        [TargetKind.Person] = Build(
            Relation("person", PersonFields, s => (Person)s.Entity),
            Relation("manager", PersonFields, s => s.Network.FindPerson(((Person)s.Entity).ManagerId))),
        [TargetKind.Group] = Build(
            Relation("group", GroupFields, s => (Group)s.Entity),
            Relation("creator", PersonFields, s => s.Network.FindPerson(((Group)s.Entity).CreatedBy))),
        [TargetKind.Post] = Build(
            Relation("post", PostFields, s => (Post)s.Entity),
            Relation("group", GroupFields, s => s.Group),
            Relation("author", PersonFields, s => s.Network.FindPerson(((Post)s.Entity).AuthorId))),
        [TargetKind.Comment] = Build(
            Relation("comment", CommentFields, s => (Comment)s.Entity),
            Relation("group", GroupFields, s => s.Group),
            Relation("author", PersonFields, s => s.Network.FindPerson(((Comment)s.Entity).AuthorId))),
    };

    /// <summary>Gets the name a target's own fields are addressed by in messages: <c>group</c> for groups.</summary>
    public static string SelfPrefix(TargetKind target) => target switch
    {
        TargetKind.Person => "person",
        TargetKind.Group => "group",
        TargetKind.Post => "post",
        _ => "comment",
    };

    public static IReadOnlyCollection<string> PathsOf(TargetKind target) => ByTarget[target].Keys;

    /// <summary>Finds a field by an absolute path, or by a bare name of the target's own fields.</summary>
    public static EntityField? Find(TargetKind target, string name)
    {
        var fields = ByTarget[target];
        return fields.TryGetValue(name, out var field) || fields.TryGetValue($"{SelfPrefix(target)}.{name}", out field) ? field : null;
    }

    private static Dictionary<string, EntityField> Build(params IEnumerable<EntityField>[] relations) =>
        relations.SelectMany(fields => fields).ToDictionary(field => field.Path, StringComparer.Ordinal);

    private static IEnumerable<EntityField> Relation<T>(string prefix, IEnumerable<(string Name, Func<T, string?> Scalar, Func<T, IReadOnlyList<string>?>? List)> fields, Func<FieldSubject, T?> resolve)
        where T : class
    {
        foreach (var (name, scalar, list) in fields)
        {
            yield return list is null
                ? new EntityField($"{prefix}.{name}", s => resolve(s) is { } entity ? scalar(entity) : null)
                : new EntityField($"{prefix}.{name}", s => null, s => resolve(s) is { } entity ? list(entity) : null);
        }
    }

    private static IEnumerable<(string, Func<Person, string?>, Func<Person, IReadOnlyList<string>?>?)> PersonFields =>
    [
        ("id", p => p.Id, null),
        ("name", p => p.Name, null),
        ("email", p => p.Email, null),
        ("title", p => p.Title, null),
        ("department", p => p.Department, null),
        ("company", p => p.Company, null),
        ("office", p => p.Office, null),
        ("country", p => p.Country, null),
        ("managerId", p => p.ManagerId, null),
        ("roles", p => null, p => p.Roles),
        ("active", p => Format(p.Active), null),
        ("kind", p => FieldText.Of(p.Kind), null),
    ];

    private static IEnumerable<(string, Func<Group, string?>, Func<Group, IReadOnlyList<string>?>?)> GroupFields =>
    [
        ("id", g => g.Id, null),
        ("name", g => g.Name, null),
        ("description", g => g.Description, null),
        ("privacy", g => g.Privacy is { } privacy ? FieldText.Of(privacy) : null, null),
        ("createdAt", g => Format(g.CreatedAt), null),
        ("createdBy", g => g.CreatedBy, null),
        ("archived", g => Format(g.Archived), null),
        ("topics", g => null, g => g.Topics),
    ];

    private static IEnumerable<(string, Func<Post, string?>, Func<Post, IReadOnlyList<string>?>?)> PostFields =>
    [
        ("id", p => p.Id, null),
        ("groupId", p => p.GroupId, null),
        ("authorId", p => p.AuthorId, null),
        ("delegateId", p => p.DelegateId, null),
        ("createdAt", p => Format(p.CreatedAt), null),
        ("type", p => FieldText.Of(p.Type), null),
        ("title", p => p.Title, null),
        ("text", p => p.Text, null),
    ];

    private static IEnumerable<(string, Func<Comment, string?>, Func<Comment, IReadOnlyList<string>?>?)> CommentFields =>
    [
        ("id", c => c.Id, null),
        ("postId", c => c.PostId, null),
        ("parentId", c => c.ParentId, null),
        ("authorId", c => c.AuthorId, null),
        ("delegateId", c => c.DelegateId, null),
        ("createdAt", c => Format(c.CreatedAt), null),
        ("text", c => c.Text, null),
        ("acceptedAnswer", c => Format(c.AcceptedAnswer), null),
    ];

    private static string Format(bool value) => value ? "true" : "false";

    private static string? Format(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Formats values the way rule files and messages write them.</summary>
internal static class FieldText
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        EnumNames<TEnum>.Names.GetOrAdd(value, static value =>
        {
            var name = value.ToString();
            return string.Concat(name[..1].ToLowerInvariant(), name[1..]);
        });

    // Scopes read enum fields (post.type, group.privacy) for every post with a hit: each name is made once.
    private static class EnumNames<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly System.Collections.Concurrent.ConcurrentDictionary<TEnum, string> Names = new();
    }

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
