using System.Text.RegularExpressions;
using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Rules;

/// <summary>A compiled <c>where:</c> condition: which targets a rule applies to.</summary>
internal abstract class ScopeCondition
{
    public static readonly ScopeCondition Everything = new All([]);

    public abstract bool Matches(FieldSubject subject);

    /// <summary>Says whether the condition reads a field, such as <c>author.kind</c>.</summary>
    public abstract bool Reads(string path);

    /// <summary>Writes the condition out canonically, so the rule set's hash changes when a scope does.</summary>
    public abstract string Describe();

    /// <summary>
    /// Bots and system accounts are left out of a rule unless its scope names their kind (<c>where: { author.kind: bot }</c>)
    /// or the run asks for them: their messages are not conversation.
    /// </summary>
    public static ScopeCondition ForPeopleOnly(ScopeCondition scope, TargetKind target)
    {
        var kindPath = target switch
        {
            TargetKind.Person => "person.kind",
            TargetKind.Post or TargetKind.Comment => "author.kind",
            _ => null,
        };
        return kindPath is null || scope.Reads(kindPath) ? scope : new All([new WrittenByPerson(target), scope]);
    }

    /// <summary>Every condition holds (a <c>where:</c> mapping).</summary>
    public sealed class All(IReadOnlyList<ScopeCondition> conditions) : ScopeCondition
    {
        public override bool Matches(FieldSubject subject)
        {
            // An index loop: a foreach over the interface would allocate an enumerator for every post with a hit.
            for (var i = 0; i < conditions.Count; i++)
            {
                if (!conditions[i].Matches(subject))
                {
                    return false;
                }
            }

            return true;
        }

        public override string Describe() => "all(" + string.Join(",", conditions.Select(condition => condition.Describe())) + ")";

        public override bool Reads(string path) => conditions.Any(condition => condition.Reads(path));
    }

    /// <summary>At least one condition holds (<c>any:</c>).</summary>
    public sealed class Any(IReadOnlyList<ScopeCondition> conditions) : ScopeCondition
    {
        public override bool Matches(FieldSubject subject)
        {
            // An index loop: a foreach over the interface would allocate an enumerator for every post with a hit.
            for (var i = 0; i < conditions.Count; i++)
            {
                if (conditions[i].Matches(subject))
                {
                    return true;
                }
            }

            return false;
        }

        public override string Describe() => "any(" + string.Join(",", conditions.Select(condition => condition.Describe())) + ")";

        public override bool Reads(string path) => conditions.Any(condition => condition.Reads(path));
    }

    /// <summary>The condition does not hold (<c>not:</c>).</summary>
    public sealed class Not(ScopeCondition condition) : ScopeCondition
    {
        public override bool Matches(FieldSubject subject) => !condition.Matches(subject);

        public override string Describe() => "not(" + condition.Describe() + ")";

        public override bool Reads(string path) => condition.Reads(path);
    }

    /// <summary>The field equals one of the values, ignoring case; for a list field, one of its items does.</summary>
    public sealed class OneOf(EntityField field, IReadOnlyList<string> values) : ScopeCondition
    {
        public override bool Matches(FieldSubject subject) =>
            field.AnyValue(subject, values, static (value, values) =>
            {
                for (var i = 0; i < values.Count; i++)
                {
                    if (string.Equals(value, values[i], StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            });

        public override string Describe() => field.Path + " in [" + string.Join(",", values) + "]";

        public override bool Reads(string path) => field.Path == path;
    }

    /// <summary>The field has no value (<c>field: null</c>).</summary>
    public sealed class Missing(EntityField field) : ScopeCondition
    {
        public override bool Matches(FieldSubject subject) => string.IsNullOrEmpty(field.ReadText(subject));

        public override string Describe() => field.Path + " missing";

        public override bool Reads(string path) => field.Path == path;
    }

    /// <summary>The field matches a regular expression; for a list field, one of its items does.</summary>
    public sealed class Matching(EntityField field, Regex regex) : ScopeCondition
    {
        public override bool Matches(FieldSubject subject) => field.AnyValue(subject, regex, static (value, regex) => regex.IsMatch(value));

        public override string Describe() => field.Path + " ~ " + regex;

        public override bool Reads(string path) => field.Path == path;
    }

    /// <summary>The person, or the author of the post or comment, is a person and not a bot or system account.</summary>
    private sealed class WrittenByPerson(TargetKind target) : ScopeCondition
    {
        public override bool Matches(FieldSubject subject) =>
            subject.Network.IncludeAutomatedAccounts || AccountOf(subject) is not { Kind: not PersonKind.Person };

        public override string Describe() => "written by a person";

        public override bool Reads(string path) => false;

        private Person? AccountOf(FieldSubject subject) => target switch
        {
            TargetKind.Person => (Person)subject.Entity,
            TargetKind.Post => subject.Network.FindPerson(((Post)subject.Entity).AuthorId),
            _ => subject.Network.FindPerson(((Comment)subject.Entity).AuthorId),
        };
    }
}
