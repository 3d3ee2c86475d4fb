namespace CommunityRules.SampleNetwork;

/// <summary>Turns group plans into concrete groups: creation dates, creators, members, admins and post counts.</summary>
internal sealed class GroupBuilder(Random random, IReadOnlyList<Person> people, WorkingCalendar calendar, int missingPersonNumber)
{
    /// <summary>Every group that is active at all gets at least this many posts, so its last post falls in the final weeks.</summary>
    public const int MinimumPostsPerActiveGroup = 6;

    private const int MinimumRegularMembers = 8;
    private const double ClusterCoreShare = 0.75;

    private readonly Dictionary<string, List<Person>> clusterCores = new(StringComparer.Ordinal);

    public List<Group> Build(IReadOnlyList<GroupPlan> plans) =>
        plans.Select((plan, index) => BuildGroup(index + 1, plan)).ToList();

    /// <summary>
    /// Spreads <paramref name="totalPosts"/> over the groups in proportion to their weight and the length
    /// of their activity window, giving every active group at least <see cref="MinimumPostsPerActiveGroup"/>
    /// (the generator validates that there are enough posts for that).
    /// </summary>
    public void AllocatePosts(IReadOnlyList<Group> groups, int totalPosts)
    {
        var active = groups.Where(g => g.Activity != ActivityProfile.Silent).ToList();
        var shares = active.Select(g => g.Weight * (calendar.ToMinute(g.ActivityEnd) - calendar.ToMinute(g.ActivityStart))).ToList();
        var remaining = totalPosts - (active.Count * MinimumPostsPerActiveGroup);
        var totalShare = shares.Sum();
        var exact = shares.Select(share => remaining * share / totalShare).ToList();
        for (var i = 0; i < active.Count; i++)
        {
            active[i].PostCount = MinimumPostsPerActiveGroup + (int)exact[i];
        }

        // Hand out what rounding down left over to the largest fractions, so the total is exact.
        var leftOver = totalPosts - active.Sum(g => g.PostCount);
        foreach (var i in Enumerable.Range(0, active.Count).OrderByDescending(i => exact[i] - Math.Floor(exact[i])).Take(leftOver))
        {
            active[i].PostCount++;
        }
    }

    private Group BuildGroup(int number, GroupPlan plan)
    {
        var country = NordicData.Country(plan.CountryCode);
        var language = plan.Language ?? country.Language;
        var age = plan.Age ?? PickAge(plan.Kind);
        var activity = plan.Activity ?? PickHealthyActivity();
        var createdAt = age switch
        {
            GroupAge.Established => random.NextOfficeInstant(calendar.End.AddYears(-9), calendar.Start.AddDays(-60)),
            GroupAge.CreatedInWindow => random.NextOfficeInstant(calendar.Start, calendar.End.AddDays(-75)),
            _ => random.NextOfficeInstant(calendar.End.AddDays(-28), calendar.End.AddDays(-3)),
        };

        // Members join before activity starts, so every member may post from the first day.
        var activityStart = age == GroupAge.Established ? calendar.Start : createdAt.AddDays(2);
        var activityEnd = activity == ActivityProfile.Stopped
            ? random.NextOfficeInstant(calendar.Start.AddDays(20), calendar.End.AddDays(-100))
            : calendar.End;

        var members = plan.MemberCount is null ? SelectMembers(plan, country) : [];
        var creator = PickCreator(plan, country, members);
        var admins = PickAdmins(plan, country, members, creator);
        var joinLimit = age == GroupAge.Young ? calendar.End : activityStart;
        var memberships = members
            .Select(person => new Membership(
                person,
                admins.Contains(person),
                person == creator ? createdAt : random.NextInstant(createdAt, joinLimit)))
            .OrderBy(m => m.Person.Number)
            .ToList();

        return new Group
        {
            Number = number,
            Plan = plan,
            Language = language,
            Description = Describe(plan, language),
            CreatedAt = createdAt,
            CreatorNumber = creator?.Number ?? missingPersonNumber,
            Members = memberships,
            Activity = activity,
            ActivityStart = activityStart,
            ActivityEnd = activityEnd,
            Weight = activity == ActivityProfile.Silent ? 0 : KindWeight(plan.Kind) * (0.6 + (0.8 * random.NextDouble())),
        };
    }

    /// <summary>Some interest and project groups are new; company structure groups are all established.</summary>
    private GroupAge PickAge(GroupKind kind) =>
        kind is GroupKind.Interest or GroupKind.Project && random.Chance(0.15) ? GroupAge.CreatedInWindow : GroupAge.Established;

    private ActivityProfile PickHealthyActivity()
    {
        var roll = random.NextDouble();
        return roll < 0.55 ? ActivityProfile.Steady : roll < 0.75 ? ActivityProfile.Growing : ActivityProfile.Dwindling;
    }

    private static double KindWeight(GroupKind kind) => kind switch
    {
        GroupKind.AllStaff => 10,
        GroupKind.Department => 4,
        GroupKind.Office => 3,
        GroupKind.Project => 2.5,
        GroupKind.Leadership => 2,
        _ => 1.5,
    };

    private string? Describe(GroupPlan plan, Language language)
    {
        if (!plan.HasDescription)
        {
            return null;
        }

        return plan.Description ?? random.Pick(Phrasebook.For(language).Descriptions).Replace("{topic}", plan.Topic, StringComparison.Ordinal);
    }

    private List<Person> SelectMembers(GroupPlan plan, CountryInfo country)
    {
        var inCountry = people.Where(p => p.Country == country).ToList();
        var pool = inCountry
            .Where(p => (plan.Department is null || p.Department == plan.Department) && (plan.Office is null || p.Office == plan.Office))
            .ToList();
        var executives = people.Where(p => p.IsExecutive).ToList();
        var members = new List<Person>();
        switch (plan.Kind)
        {
            case GroupKind.AllStaff:
                members.AddRange(pool.Concat(executives));
                break;
            case GroupKind.Leadership:
                members.AddRange(pool.Where(p => p.Roles.HasFlag(PersonRoles.Manager)).Concat(executives));
                break;
            case GroupKind.Department:
                members.AddRange(pool);
                members.AddRange(executives.Where(e => PeopleBuilder.Heads(e, plan.Department!)));
                members.AddRange(random.Sample(inCountry, pool.Count / 10));
                break;
            case GroupKind.Office:
                members.AddRange(random.Sample(pool, pool.Count * 3 / 4));
                break;
            case GroupKind.Interest:
                var interested = random.Next(12, 61);
                members.AddRange(random.Sample(pool, interested));
                members.AddRange(random.Sample(people.Where(p => p.Country != country).ToList(), interested / 10));
                break;
            case GroupKind.Project:
                members.AddRange(random.Sample(pool, random.Next(6, 26)));
                break;
        }

        if (plan.Cluster is not null)
        {
            members.AddRange(ClusterCore(plan.Cluster).Where(_ => random.Chance(ClusterCoreShare)));
        }

        if (members.Distinct().Count() < MinimumRegularMembers)
        {
            members.AddRange(random.Sample(inCountry, MinimumRegularMembers));
        }

        return members.Distinct().ToList();
    }

    /// <summary>The people a cluster of look-alike groups has in common, drawn from all four countries.</summary>
    private List<Person> ClusterCore(string cluster)
    {
        if (!clusterCores.TryGetValue(cluster, out var core))
        {
            core = cluster switch
            {
                "finance" => random.Sample(people.Where(p => p.Department == "Finance").ToList(), 18),
                "hr" => random.Sample(people.Where(p => p.Department == "HR").ToList(), 14),
                _ => random.Sample(people, 30),
            };
            clusterCores[cluster] = core;
        }

        return core;
    }

    /// <summary>Picks the creator, adding them to <paramref name="members"/> when they belong there; null for a missing person.</summary>
    private Person? PickCreator(GroupPlan plan, CountryInfo country, List<Person> members)
    {
        var localActive = people.Where(p => p.Country == country && p.Active).ToList();
        Person? creator = plan.Creator switch
        {
            CreatorKind.Leader => FirstNonEmpty(
                members.Where(p => p.Active && p.IsLeader && (plan.Kind != GroupKind.AllStaff || p.Roles.HasFlag(PersonRoles.Communications))
                    && (plan.Department is null || p.Department == plan.Department)),
                members.Where(p => p.Active && p.Roles.HasFlag(PersonRoles.Manager)),
                localActive.Where(p => p.Roles.HasFlag(PersonRoles.Manager))),
            CreatorKind.Employee => FirstNonEmpty(
                members.Where(p => p.Active && p.IsOrdinaryEmployee),
                localActive.Where(p => p.IsOrdinaryEmployee)),
            CreatorKind.Departed => FirstNonEmpty(
                members.Where(p => !p.Active),
                people.Where(p => p.Country == country && !p.Active)),
            _ => null,
        };

        if (creator is not null && !members.Contains(creator))
        {
            members.Add(creator);
        }

        return creator;
    }

    private Person FirstNonEmpty(params IEnumerable<Person>[] candidateLists)
    {
        foreach (var candidates in candidateLists)
        {
            var list = candidates.ToList();
            if (list.Count > 0)
            {
                return random.Pick(list);
            }
        }

        throw new InvalidOperationException("The directory is too small for the planned groups; raise the number of people.");
    }

    /// <summary>Chooses the admins, adding people to <paramref name="members"/> where the setup needs someone from outside.</summary>
    private HashSet<Person> PickAdmins(GroupPlan plan, CountryInfo country, List<Person> members, Person? creator)
    {
        var activeCreator = creator is { Active: true } ? creator : null;
        var admins = new HashSet<Person>();
        switch (plan.Admins)
        {
            case AdminSetup.Healthy when plan.MemberCount is not null:
                // A tiny group: the creator plus fellow leaders, all of them admins.
                var colleagues = people.Where(p => p.Country == country && p.Active && p.IsLeader && p != creator).ToList();
                members.AddRange(random.Sample(colleagues, plan.MemberCount.Value - 1));
                admins.UnionWith(members);
                break;
            case AdminSetup.Healthy:
                if (activeCreator is not null)
                {
                    admins.Add(activeCreator);
                }

                var wanted = random.Next(2, 4);
                var leaders = members.Where(p => p.Active && p.IsLeader && !admins.Contains(p)).ToList();
                admins.UnionWith(random.Sample(leaders, wanted - admins.Count));
                var others = members.Where(p => p.Active && !admins.Contains(p)).ToList();
                admins.UnionWith(random.Sample(others, wanted - admins.Count));
                break;
            case AdminSetup.Single:
                if (!members.Contains(creator!))
                {
                    members.Add(creator!);
                }

                admins.Add(creator!);
                break;
            case AdminSetup.AllDeparted:
                admins.UnionWith(DepartedAdmins(country, members, 2));
                break;
            case AdminSetup.OneActive:
                admins.Add(creator!);
                admins.UnionWith(DepartedAdmins(country, members, random.Next(1, 3)));
                break;
            case AdminSetup.None:
                break;
        }

        return admins;
    }

    private List<Person> DepartedAdmins(CountryInfo country, List<Person> members, int count)
    {
        var departed = members.Where(p => !p.Active).ToList();
        if (departed.Count < count)
        {
            var formerColleagues = people.Where(p => p.Country == country && !p.Active && !departed.Contains(p)).ToList();
            departed.AddRange(random.Sample(formerColleagues, count - departed.Count));
        }

        var chosen = random.Sample(departed, count);
        members.AddRange(chosen.Where(p => !members.Contains(p)));
        return chosen;
    }
}
