using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CommunityRules.Model;

namespace CommunityRules.Data.Snapshot;

/// <summary>
/// JSON metadata for the snapshot format: camelCase names, enums as camelCase strings only. Reflection-based on
/// purpose: the source generator assigns default(T) to absent init-only properties, which would turn a missing
/// <c>active</c> into false and mark everyone as having left.
/// </summary>
internal static class SnapshotJsonContext
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static class Default
    {
        public static readonly JsonTypeInfo<NetworkManifest> NetworkManifest = Info<NetworkManifest>();
        public static readonly JsonTypeInfo<Person> Person = Info<Person>();
        public static readonly JsonTypeInfo<Group> Group = Info<Group>();
        public static readonly JsonTypeInfo<Membership> Membership = Info<Membership>();
        public static readonly JsonTypeInfo<Post> Post = Info<Post>();
        public static readonly JsonTypeInfo<Comment> Comment = Info<Comment>();
        public static readonly JsonTypeInfo<Reaction> Reaction = Info<Reaction>();
    }

    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Converters =
            {
                new CamelCaseEnumConverter<GroupPrivacy>(),
                new CamelCaseEnumConverter<MembershipRole>(),
                new CamelCaseEnumConverter<PostType>(),
            },
        };
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Reads and writes an enum as its camelCase name and refuses numbers, so <c>"privacy": 7</c> is an error.</summary>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
