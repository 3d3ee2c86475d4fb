using System.Globalization;
using CommunityRules.Engine;

namespace CommunityRules.Tests.Engine;

public sealed class PostGroupIndexTests
{
    [Fact]
    public void A_post_added_is_found_in_its_group_and_a_post_not_added_is_not()
    {
        var index = new PostGroupIndex();

        Assert.True(index.TryAdd("post-1", "g-sales"));
        Assert.True(index.TryAdd("post-2", "g-hr"));

        Assert.True(index.TryGetGroup("post-1", out var first));
        Assert.Equal("g-sales", first);
        Assert.True(index.TryGetGroup("post-2", out var second));
        Assert.Equal("g-hr", second);
        Assert.False(index.TryGetGroup("post-3", out var missing));
        Assert.Null(missing);
    }

    [Fact]
    public void A_repeated_post_id_is_refused_and_keeps_its_first_group()
    {
        var index = new PostGroupIndex();

        Assert.True(index.TryAdd("post-1", "g-sales"));
        Assert.False(index.TryAdd("post-1", "g-hr"));

        Assert.True(index.TryGetGroup("post-1", out var group));
        Assert.Equal("g-sales", group);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Two_million_ids_of_the_shapes_exports_use_are_each_kept_apart_through_every_growth()
    {
        var index = new PostGroupIndex();
        var ids = new List<string>();
        for (var n = 0; n < 1_000_000; n++)
        {
            // Sequential ids that differ in one character, and Slack-like timestamps.
            ids.Add("post" + n.ToString("D7", CultureInfo.InvariantCulture));
            ids.Add(string.Create(CultureInfo.InvariantCulture, $"{1_700_000_000 + (n / 7)}.{n % 1_000_000:D6}"));
        }

        for (var i = 0; i < ids.Count; i++)
        {
            Assert.True(index.TryAdd(ids[i], "g" + (i % 1000).ToString(CultureInfo.InvariantCulture)));
        }

        Assert.Equal(ids.Count, index.Count);
        for (var i = 0; i < ids.Count; i += 997)
        {
            Assert.True(index.TryGetGroup(ids[i], out var group));
            Assert.Equal("g" + (i % 1000).ToString(CultureInfo.InvariantCulture), group);
        }
    }

    [Fact]
    public void Numbered_ids_are_told_apart_from_the_same_number_written_another_way()
    {
        var index = new PostGroupIndex();

        Assert.True(index.TryAdd("post0000001", "g-sales"));
        Assert.True(index.TryAdd("post0000002", "g-hr"));
        Assert.True(index.TryAdd("post1", "g-it"));
        Assert.True(index.TryAdd("Post0000001", "g-it"));
        Assert.True(index.TryAdd("post000000x", "g-it"));
        Assert.False(index.TryAdd("post0000002", "g-it"));

        Assert.True(index.TryGetGroup("post0000001", out var first));
        Assert.Equal("g-sales", first);
        Assert.True(index.TryGetGroup("post0000002", out var second));
        Assert.Equal("g-hr", second);
        Assert.True(index.TryGetGroup("post1", out var other));
        Assert.Equal("g-it", other);
        Assert.False(index.TryGetGroup("post0000003", out _));
        Assert.False(index.TryGetGroup("post01", out _));
        Assert.Equal(5, index.Count);
    }

    [Fact]
    public void Numbers_spread_far_apart_are_hashed_and_a_repeat_is_still_refused()
    {
        var index = new PostGroupIndex();
        var ids = new List<string>();
        for (var n = 0; n < 5_000; n++)
        {
            // About one number per page: pages would be almost empty, so most of these go to the hashed table.
            ids.Add("m" + (n * 15_001).ToString("D9", CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < ids.Count; i++)
        {
            Assert.True(index.TryAdd(ids[i], "g" + (i % 7).ToString(CultureInfo.InvariantCulture)));
        }

        // Dense numbers open pages that cover numbers hashed earlier (45,003 among them): their repeats are refused all the same.
        var spread = ids.ToHashSet(StringComparer.Ordinal);
        for (var n = 1; n <= 40_000; n++)
        {
            var id = "m" + n.ToString("D9", CultureInfo.InvariantCulture);
            if (!spread.Contains(id))
            {
                Assert.True(index.TryAdd(id, "g-new"));
            }
        }

        foreach (var id in ids)
        {
            Assert.False(index.TryAdd(id, "g-other"));
        }

        for (var i = 0; i < ids.Count; i++)
        {
            Assert.True(index.TryGetGroup(ids[i], out var group));
            Assert.Equal("g" + (i % 7).ToString(CultureInfo.InvariantCulture), group);
        }
    }
}
