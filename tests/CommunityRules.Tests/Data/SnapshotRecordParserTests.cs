using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CommunityRules.Data.Snapshot;
using CommunityRules.Model;

namespace CommunityRules.Tests.Data;

/// <summary>
/// The hand-written record parsers against System.Text.Json on the same lines: a line they read gives the record
/// System.Text.Json gives, field for field; a line they do not read plainly (duplicates, unknown or escaped names,
/// wrong kinds, nulls, odd enum spellings, dates that are not ISO) they leave to it, so its data issues stay as they were.
/// </summary>
public sealed class SnapshotRecordParserTests
{
    public static TheoryData<string> PersonLines => new()
    {
        """{"id":"p1","name":"Åsa Ek","email":"asa@x.example","title":"CEO","department":"Ops","company":"N AB","office":"Sthlm","country":"SE","managerId":"p0","roles":["executive","manager"],"kind":"bot","active":false}""",
        """{"id":"p1"}""",
        """  { "active" : true , "id" : "p\u00e5\n\"q\"" , "roles" : [ ] , "kind" : "system" }  """,
        """{"id":"p1","kind":"person","name":"\ud83d\ude00 \\ \/ \t"}""",
        """{"id":"","roles":["a","a","\u0061"]}""",
    };

    public static TheoryData<string> GroupLines => new()
    {
        """{"id":"g1","name":"SE-Alla","description":"Nyheter","privacy":"secret","createdAt":"2018-05-15T12:46:00Z","createdBy":"p2","archived":true,"topics":["company-news","x"]}""",
        """{"id":"g1","privacy":"open","createdAt":"2025-03-04"}""",
        """{"id":"g1","privacy":"closed","createdAt":"2025-03-04T10:15"}""",
        """{"id":"g1","createdAt":"2025-03-04T10:15:30.25"}""",
        """{"id":"g1","createdAt":"2025-03-04T10:15:30+02:00"}""",
        """{"id":"g1","createdAt":"2025-03-04T10:15:30.1234567-05:30","archived":false}""",
    };

    public static TheoryData<string> MembershipLines => new()
    {
        """{"groupId":"g1","personId":"p1","role":"admin","joinedAt":"2025-06-07T18:33:00Z"}""",
        """{"personId":"p1","groupId":"g1"}""",
        """{"groupId":"g1","personId":"p1","role":"member"}""",
    };

    public static TheoryData<string> PostLines => new()
    {
        """{"id":"post1","groupId":"g1","authorId":"p1","delegateId":"p2","createdAt":"2026-04-01T06:00:00Z","type":"announcement","title":"Bra att veta","text":"Hej \"alla\"\r\nrad två \u00e9"}""",
        """{"id":"post1","groupId":"g1","type":"question"}""",
        """{"id":"post1","groupId":"g1","type":"poll","text":""}""",
        """{"id":"post1","groupId":"g1","type":"post","authorId":"p\u0031"}""",
    };

    public static TheoryData<string> CommentLines => new()
    {
        """{"id":"c1","postId":"post1","parentId":"c0","authorId":"p1","delegateId":"p2","createdAt":"2026-04-01T09:03:00Z","text":"Tack!","acceptedAnswer":true}""",
        """{"id":"c1","postId":"post1","acceptedAnswer":false}""",
    };

    public static TheoryData<string> ReactionLines => new()
    {
        """{"targetId":"post1","personId":"p1","type":"like","createdAt":"2026-04-01T08:21:00Z"}""",
        """{"personId":"p1","targetId":"c1"}""",
    };

    // Lines the parsers leave to System.Text.Json, whatever it makes of them.
    public static TheoryData<string> RefusedPersonLines => new()
    {
        """{"id":"p1","name":"a","name":"b"}""",
        """{"id":"p1","id":"p2"}""",
        """{"id":"p1","nickname":"x"}""",
        """{"Id":"p1"}""",
        """{"\u0069d":"p1"}""",
        """{"id":5}""",
        """{"id":"p1","name":null}""",
        """{"id":null}""",
        """{"id":"p1","roles":null}""",
        """{"id":"p1","roles":["a",null]}""",
        """{"id":"p1","roles":["a",1]}""",
        """{"id":"p1","roles":"a"}""",
        """{"id":"p1","kind":"Bot"}""",
        """{"id":"p1","kind":"robot"}""",
        """{"id":"p1","kind":1}""",
        """{"id":"p1","kind":"b\u006ft"}""",
        """{"id":"p1","active":"true"}""",
        """{"id":"p1","active":1}""",
        """{"id":"p1","active":null}""",
        """{"id":"p1"} {"id":"p2"}""",
        """{"id":"p1"}x""",
        """{"id":"p1",}""",
        """{"id":"p1" /* c */}""",
        """{"id":"p1\""",
        """{"name":"a"}""",
        """null""",
        """[{"id":"p1"}]""",
        """ "p1" """,
        """{"id":"p1","active":tru19121212}""",
    };

    public static TheoryData<string> RefusedGroupLines => new()
    {
        """{"id":"g1","createdAt":"03/04/2025"}""",
        """{"id":"g1","createdAt":"2025-03-04 10:00:00Z"}""",
        """{"id":"g1","createdAt":"2025-13-04"}""",
        """{"id":"g1","createdAt":20250304}""",
        """{"id":"g1","createdAt":null}""",
        """{"id":"g1","privacy":"public"}""",
        """{"id":"g1","privacy":"Open"}""",
        """{"id":"g1","privacy":null}""",
        """{"id":"g1","privacy":0}""",
        """{"id":"g1","archived":"no"}""",
        """{"id":"g1","topics":[["a"]]}""",
    };

    [Theory]
    [MemberData(nameof(PersonLines))]
    public void A_person_line_read_by_hand_is_the_record_System_Text_Json_reads(string line) =>
        AssertSame(line, SnapshotRecordParser.TryParsePerson, SnapshotJsonContext.Default.Person);

    [Theory]
    [MemberData(nameof(GroupLines))]
    public void A_group_line_read_by_hand_is_the_record_System_Text_Json_reads(string line) =>
        AssertSame(line, SnapshotRecordParser.TryParseGroup, SnapshotJsonContext.Default.Group);

    [Theory]
    [MemberData(nameof(MembershipLines))]
    public void A_membership_line_read_by_hand_is_the_record_System_Text_Json_reads(string line) =>
        AssertSame(line, SnapshotRecordParser.TryParseMembership, SnapshotJsonContext.Default.Membership);

    [Theory]
    [MemberData(nameof(PostLines))]
    public void A_post_line_read_by_hand_is_the_record_System_Text_Json_reads(string line) =>
        AssertSame(line, SnapshotRecordParser.TryParsePost, SnapshotJsonContext.Default.Post);

    [Theory]
    [MemberData(nameof(CommentLines))]
    public void A_comment_line_read_by_hand_is_the_record_System_Text_Json_reads(string line) =>
        AssertSame(line, SnapshotRecordParser.TryParseComment, SnapshotJsonContext.Default.Comment);

    [Theory]
    [MemberData(nameof(ReactionLines))]
    public void A_reaction_line_read_by_hand_is_the_record_System_Text_Json_reads(string line) =>
        AssertSame(line, SnapshotRecordParser.TryParseReaction, SnapshotJsonContext.Default.Reaction);

    [Theory]
    [MemberData(nameof(RefusedPersonLines))]
    public void A_person_line_that_is_not_plain_is_left_to_System_Text_Json(string line)
    {
        using var cache = new Utf8StringCache();

        Assert.False(SnapshotRecordParser.TryParsePerson(Encoding.UTF8.GetBytes(line), cache, out var person));
        Assert.Null(person);
    }

    [Theory]
    [MemberData(nameof(RefusedGroupLines))]
    public void A_group_line_that_is_not_plain_is_left_to_System_Text_Json(string line)
    {
        using var cache = new Utf8StringCache();

        Assert.False(SnapshotRecordParser.TryParseGroup(Encoding.UTF8.GetBytes(line), cache, out var group));
        Assert.Null(group);
    }

    [Fact]
    public void Every_record_kind_refuses_a_field_twice_an_unknown_field_and_a_number_for_text()
    {
        using var cache = new Utf8StringCache();
        bool Refuses<T>(SnapshotRecordParser.TryParse<T> parse, string line)
            where T : class => !parse(Encoding.UTF8.GetBytes(line), cache, out _);

        Assert.True(Refuses<Membership>(SnapshotRecordParser.TryParseMembership, """{"groupId":"g1","personId":"p1","groupId":"g2"}"""));
        Assert.True(Refuses<Membership>(SnapshotRecordParser.TryParseMembership, """{"groupId":"g1","personId":7}"""));
        Assert.True(Refuses<Membership>(SnapshotRecordParser.TryParseMembership, """{"groupId":"g1","personId":"p1","role":"owner"}"""));
        Assert.True(Refuses<Post>(SnapshotRecordParser.TryParsePost, """{"id":"a","groupId":"g1","text":"x","text":"y"}"""));
        Assert.True(Refuses<Post>(SnapshotRecordParser.TryParsePost, """{"id":"a","groupId":"g1","likes":3}"""));
        Assert.True(Refuses<Post>(SnapshotRecordParser.TryParsePost, """{"id":"a","groupId":1}"""));
        Assert.True(Refuses<Post>(SnapshotRecordParser.TryParsePost, """{"id":"a","groupId":"g1","type":"Question"}"""));
        Assert.True(Refuses<Post>(SnapshotRecordParser.TryParsePost, """{"id":"a"}"""));
        Assert.True(Refuses<Comment>(SnapshotRecordParser.TryParseComment, """{"id":"c","postId":"a","id":"d"}"""));
        Assert.True(Refuses<Comment>(SnapshotRecordParser.TryParseComment, """{"id":"c","postId":"a","acceptedAnswer":"yes"}"""));
        Assert.True(Refuses<Comment>(SnapshotRecordParser.TryParseComment, """{"id":"c","postId":"a","score":1}"""));
        Assert.True(Refuses<Reaction>(SnapshotRecordParser.TryParseReaction, """{"targetId":"a","personId":"p","type":"like","type":"love"}"""));
        Assert.True(Refuses<Reaction>(SnapshotRecordParser.TryParseReaction, """{"targetId":"a","personId":"p","type":1}"""));
        Assert.True(Refuses<Reaction>(SnapshotRecordParser.TryParseReaction, """{"targetId":"a","personId":"p","emoji":"x"}"""));
    }

    [Theory]
    [InlineData("2026-04-01T06:00:00Z", "2026-04-01T06:00:00.0000000+00:00")]
    [InlineData("2026-04-01T06:00:00.1234567Z", "2026-04-01T06:00:00.1234567+00:00")]
    [InlineData("2026-04-01T06:00:00+00:00", "2026-04-01T06:00:00.0000000+00:00")]
    [InlineData("2026-04-01T06:00:00-09:30", "2026-04-01T15:30:00.0000000+00:00")]
    [InlineData("2026-04-01", "2026-04-01T00:00:00.0000000+00:00")]
    [InlineData("2026-04-01T06:00", "2026-04-01T06:00:00.0000000+00:00")]
    public void Dates_are_read_as_the_same_instant_in_UTC_whatever_the_machine_zone(string written, string expected)
    {
        using var cache = new Utf8StringCache();
        var line = Encoding.UTF8.GetBytes($$"""{"targetId":"a","personId":"p","createdAt":"{{written}}"}""");

        Assert.True(SnapshotRecordParser.TryParseReaction(line, cache, out var reaction));

        Assert.Equal(expected, reaction!.CreatedAt!.Value.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_string_of_invalid_UTF_8_is_left_to_System_Text_Json()
    {
        using var cache = new Utf8StringCache();
        byte[] line = [.. "{\"id\":\"p"u8, 0xC3, 0x28, .. "\",\"department\":\"x"u8, 0xFF, .. "\"}"u8];

        Assert.False(SnapshotRecordParser.TryParsePerson(line, cache, out _));
        Assert.ThrowsAny<Exception>(() => JsonSerializer.Deserialize(line, SnapshotJsonContext.Default.Person));
    }

    [Fact]
    public void Repeated_short_values_are_one_string_and_values_that_share_a_slot_stay_apart()
    {
        using var cache = new Utf8StringCache();
        string Read(string json)
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            return cache.GetString(ref reader);
        }

        var first = Read("\"g0001\"");
        Assert.Same(first, Read("\"g0001\""));
        Assert.Equal("g\u00e5", Read("\"g\\u00e5\""));
        Assert.Equal("gå", Read("\"gå\""));
        Assert.Same(Read("\"gå\""), Read("\"gå\""));

        // Far more values than slots: every one read back as itself, whichever slot it shared.
        var values = Enumerable.Range(0, 50_000).Select(i => "p" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(values, values.Select(value => Read($"\"{value}\"")));
        Assert.Equal(values, values.Select(value => Read($"\"{value}\"")));

        var longValue = new string('x', Utf8StringCache.MaxKeyBytes + 1);
        Assert.Equal(longValue, Read($"\"{longValue}\""));
        Assert.Equal(new string('y', Utf8StringCache.MaxKeyBytes), Read($"\"{new string('y', Utf8StringCache.MaxKeyBytes)}\""));
    }

    private static void AssertSame<T>(string line, SnapshotRecordParser.TryParse<T> parse, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        using var cache = new Utf8StringCache();
        var bytes = Encoding.UTF8.GetBytes(line);

        Assert.True(parse(bytes, cache, out var byHand), "the parser left a plain line to System.Text.Json");
        var bySerializer = JsonSerializer.Deserialize(bytes, typeInfo)!;

        // Every field, lists by their items and their kind, dates with their offset.
        Assert.Equal(JsonSerializer.Serialize(bySerializer, typeInfo), JsonSerializer.Serialize(byHand!, typeInfo));
        foreach (var property in typeof(T).GetProperties())
        {
            var expected = property.GetValue(bySerializer);
            var actual = property.GetValue(byHand);
            if (expected is IReadOnlyList<string> list)
            {
                Assert.Equal(list, Assert.IsAssignableFrom<IReadOnlyList<string>>(actual));
                Assert.Equal(list.Count == 0 ? null : list.GetType(), list.Count == 0 ? null : actual!.GetType());
            }
            else if (expected is DateTimeOffset date)
            {
                Assert.Equal((date, date.Offset), ((DateTimeOffset)actual!, ((DateTimeOffset)actual!).Offset));
            }
            else
            {
                Assert.Equal(expected, actual);
            }
        }

        // Parsed a second time from the same cache (the shared values now come from it): the same record.
        Assert.True(parse(bytes, cache, out var again));
        Assert.Equal(JsonSerializer.Serialize(byHand!, typeInfo), JsonSerializer.Serialize(again!, typeInfo));
    }

    public static TheoryData<byte[]> StringValues => new()
    {
        Encoding.UTF8.GetBytes("\"\""),
        Encoding.UTF8.GetBytes("\"post0000001\""),
        Encoding.UTF8.GetBytes("\"Vilken mall ska vi använda för offerter? Ærlig talt, Øystein 😀 ∑\""),
        Encoding.UTF8.GetBytes("\"" + new string('å', 511) + "x\""),
        Encoding.UTF8.GetBytes("\"" + new string('a', 1024) + "\""),
        Encoding.UTF8.GetBytes("\"" + new string('a', 1025) + "\""),
        Encoding.UTF8.GetBytes("\"esc\\u00e5ped \\\"q\\\"\""),
        WithBytes("\"bad ", [0xC3, 0x28], " byte\""),
        WithBytes("\"overlong ", [0xC0, 0xAF], "\""),
        WithBytes("\"surrogate ", [0xED, 0xA0, 0x80], "\""),
    };

    private static byte[] WithBytes(string before, byte[] bytes, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. bytes, .. Encoding.UTF8.GetBytes(after)];

    [Theory]
    [MemberData(nameof(StringValues))]
    public void Decoding_a_string_gives_what_GetString_gives_or_throws_as_it_does(byte[] json)
    {
        string? expected = null, actual = null;
        Type? expectedError = null, actualError = null;
        var reader = new Utf8JsonReader(json);
        Assert.True(reader.Read());
        try
        {
            expected = reader.GetString();
        }
        catch (InvalidOperationException ex)
        {
            expectedError = ex.GetType();
        }

        try
        {
            actual = Utf8StringCache.Decode(ref reader);
        }
        catch (InvalidOperationException ex)
        {
            actualError = ex.GetType();
        }

        Assert.Equal(expected, actual);
        Assert.Equal(expectedError, actualError);
    }
}
