using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CommunityRules.Model;

namespace CommunityRules.Data.Snapshot;

/// <summary>
/// JSON metadata for the snapshot format: camelCase names, enums as camelCase strings only. Reflection-based on
/// purpose: the source generator assigns default(T) to absent init-only properties, which would turn a missing
/// <c>active</c> into false and mark everyone as having left. Record lines are read by <see cref="SnapshotRecordParser"/>
/// first; these judge (and word the data issue of) every line it does not read plainly, and read the manifest.
/// </summary>
internal static class SnapshotJsonContext
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    // Each built when first asked for: a run whose lines the hand-written parsers all read never needs the records'
    // (reflection over each type and its setters emitted at run time: 300 JIT-compiled methods of every start-up).
    public static class Default
    {
        public static JsonTypeInfo<NetworkManifest> NetworkManifest => field ??= Info<NetworkManifest>();

        public static JsonTypeInfo<Person> Person => field ??= Info<Person>();

        public static JsonTypeInfo<Group> Group => field ??= Info<Group>();

        public static JsonTypeInfo<Membership> Membership => field ??= Info<Membership>();

        public static JsonTypeInfo<Post> Post => field ??= Info<Post>();

        public static JsonTypeInfo<Comment> Comment => field ??= Info<Comment>();

        public static JsonTypeInfo<Reaction> Reaction => field ??= Info<Reaction>();
    }

    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            ReadCommentHandling = JsonCommentHandling.Disallow,

            // A field written twice is a data issue, not last-wins: which of two names or dates is right, no one can say.
            AllowDuplicateProperties = false,
            // The manifest, read in every run, from source-generated metadata (its fields are all optional, so the
            // generator's default for an absent one is right); the records by reflection, when a line needs it.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(SnapshotManifestJsonContext.Default, new DefaultJsonTypeInfoResolver()),
            Converters =
            {
                new CamelCaseEnumConverter<GroupPrivacy>(),
                new CamelCaseEnumConverter<MembershipRole>(),
                new CamelCaseEnumConverter<PostType>(),
                new CamelCaseEnumConverter<PersonKind>(),
                new UtcDateTimeOffsetConverter(),
            },
        };
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Source-generated metadata for the manifest; <see cref="SnapshotJsonContext.Options"/>' converters apply to it.</summary>
[JsonSerializable(typeof(NetworkManifest))]
internal sealed partial class SnapshotManifestJsonContext : JsonSerializerContext;

/// <summary>
/// Reads dates as ISO 8601 only (System.Text.Json's extended profile: <c>2026-04-02</c>, <c>2026-04-02T09:15</c>,
/// <c>2026-04-02T09:15:00.5Z</c>, <c>2026-04-02T11:15:00+02:00</c>), never as a US date or a time of today, and as UTC
/// when they carry no offset (<c>2026-04-02</c> is midnight UTC), whatever the machine's time zone, so a run gives the
/// same findings everywhere.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public const string Expected = "an ISO 8601 date such as 2026-04-02 or 2026-04-02T09:15:00Z";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new SnapshotValueException(Expected, null);
        }

        return TryRead(ref reader, out var value) ? value : throw new SnapshotValueException(Expected, reader.GetString());
    }

    /// <summary>Reads a string token as a date in UTC, as <see cref="Read"/> does; false when it is not ISO 8601.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        // The reader's own parser is exact and allocation-free; without an offset it would take the local zone.
        if (reader.TryGetDateTime(out var local))
        {
            // A 'Z' date comes back as UTC already: the same instant and offset as parsing it again with its offset.
            if (local.Kind is DateTimeKind.Unspecified or DateTimeKind.Utc)
            {
                value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Utc));
                return true;
            }

            if (reader.TryGetDateTimeOffset(out var withOffset))
            {
                value = withOffset.ToUniversalTime();
                return true;
            }
        }

        value = default;
        return false;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}

/// <summary>Reads and writes an enum as its camelCase name and refuses numbers, so <c>"privacy": 7</c> is an error.</summary>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
