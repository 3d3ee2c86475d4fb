using CommunityRules.Model;

namespace CommunityRules.Tests.Engine;

public sealed class NetworkViewSharingTests
{
    [Fact]
    public void People_share_repeated_values_and_memberships_keep_the_people_and_groups_own_ids()
    {
        var network = new NetworkView(null, DateTimeOffset.UnixEpoch);
        // Separate string instances, as a reader makes them line by line.
        Assert.True(network.TryAddPerson(new Person { Id = "p1", Department = new string("Sales".AsSpan()), Roles = ["manager"] }));
        Assert.True(network.TryAddPerson(new Person { Id = "p2", Department = new string("Sales".AsSpan()), ManagerId = new string("p1".AsSpan()), Roles = ["manager"] }));
        Assert.True(network.TryAddGroup(new Group { Id = "g1" }));
        network.AddMembership(new Membership { GroupId = new string("g1".AsSpan()), PersonId = new string("p2".AsSpan()) });

        var first = network.FindPerson("p1")!;
        var second = network.FindPerson("p2")!;
        Assert.Same(first.Department, second.Department);
        Assert.Same(first.Roles, second.Roles);
        Assert.Same(first.Id, second.ManagerId);
        var membership = Assert.Single(network.GetMembers("g1"));
        Assert.Same(network.FindGroup("g1")!.Id, membership.GroupId);
        Assert.Same(second.Id, membership.PersonId);
        Assert.Equal(membership, Assert.Single(network.GetMembershipsOf("p2")));
    }

    [Fact]
    public void Memberships_come_back_whole_in_the_order_they_were_added_by_group_and_by_person()
    {
        var network = new NetworkView(null, DateTimeOffset.UnixEpoch);
        Assert.True(network.TryAddPerson(new Person { Id = "p1" }));
        Assert.True(network.TryAddPerson(new Person { Id = "p2" }));
        Assert.True(network.TryAddGroup(new Group { Id = "g1" }));
        Assert.True(network.TryAddGroup(new Group { Id = "g2" }));
        var added = new[]
        {
            new Membership { GroupId = "g2", PersonId = "p1", Role = MembershipRole.Admin, JoinedAt = new DateTimeOffset(2024, 3, 1, 9, 30, 15, 123, TimeSpan.FromHours(5.75)) },
            new Membership { GroupId = "g1", PersonId = "p2" },
            new Membership { GroupId = "g1", PersonId = "gone", JoinedAt = new DateTimeOffset(2019, 12, 31, 23, 59, 59, TimeSpan.FromHours(-9.5)) },
            new Membership { GroupId = "nowhere", PersonId = "p1", Role = (MembershipRole)7 },
            new Membership { GroupId = "g1", PersonId = "p1" },
            new Membership { GroupId = "g1", PersonId = "p2", Role = MembershipRole.Admin },
        };
        foreach (var membership in added)
        {
            network.AddMembership(membership);
        }

        Assert.Equal([added[1], added[2], added[4], added[5]], network.GetMembers("g1"));
        Assert.Equal([added[0]], network.GetMembers("g2"));
        Assert.Equal([added[3]], network.GetMembers("nowhere"));
        Assert.Equal([added[0], added[3], added[4]], network.GetMembershipsOf("p1"));
        Assert.Equal([added[1], added[5]], network.GetMembershipsOf("p2"));
        Assert.Equal([added[2]], network.GetMembershipsOf("gone"));
        Assert.Empty(network.GetMembers("p1"));
        Assert.Empty(network.GetMembershipsOf("g1"));
        Assert.Equal(added[0].JoinedAt!.Value.Offset, network.GetMembers("g2")[0].JoinedAt!.Value.Offset);
        Assert.Equal(added[2], network.GetMembers("g1")[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => network.GetMembers("g1")[4]);

        // A person or group added after the memberships that named it is theirs, found by id as before.
        network.AddMembership(new Membership { GroupId = "g3", PersonId = "p3" });
        Assert.True(network.TryAddPerson(new Person { Id = "gone" }));
        Assert.True(network.TryAddGroup(new Group { Id = "nowhere" }));
        Assert.Equal([added[2]], network.GetMembershipsOf("gone"));
        Assert.Equal([added[3]], network.GetMembers("nowhere"));
        Assert.Equal("p3", Assert.Single(network.GetMembers("g3")).PersonId);
        Assert.Equal(4, network.GetMembers("g1").Count);
    }

    [Fact]
    public void Roles_that_join_to_the_same_text_are_not_mixed_up()
    {
        var network = new NetworkView(null, DateTimeOffset.UnixEpoch);
        Assert.True(network.TryAddPerson(new Person { Id = "p1", Roles = ["a\nb"] }));
        Assert.True(network.TryAddPerson(new Person { Id = "p2", Roles = ["a", "b"] }));

        Assert.Equal(["a\nb"], network.FindPerson("p1")!.Roles);
        Assert.Equal(["a", "b"], network.FindPerson("p2")!.Roles);
        Assert.False(network.TryAddPerson(new Person { Id = "p1", Roles = ["c"] }));
        Assert.Equal(["a\nb"], network.FindPerson("p1")!.Roles);
    }
}
