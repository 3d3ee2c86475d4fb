using System.Text.RegularExpressions;

namespace CommunityRules.Engine;

/// <summary>A compiled <c>where:</c> condition: which targets a rule applies to.</summary>
internal abstract class ScopeCondition
{
    public static readonly ScopeCondition Everything = new All([]);

    public abstract bool Matches(FieldSubject subject);

    /// <summary>Every condition holds (a <c>where:</c> mapping).</summary>
    public sealed class All(IReadOnlyList<ScopeCondition> conditions) : ScopeCondition
    {
        public override bool Matches(FieldSubject subject)
        {
            foreach (var condition in conditions)
            {
                if (!condition.Matches(subject))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>At least one condition holds (<c>any:</c>).</summary>
    public sealed class Any(IReadOnlyList<ScopeCondition> conditions) : ScopeCondition
    {
        public override bool Matches(FieldSubject subject)
        {
            foreach (var condition in conditions)
            {
                if (condition.Matches(subject))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The condition does not hold (<c>not:</c>).</summary>
    public sealed class Not(ScopeCondition condition) : ScopeCondition
    {
        public override bool Matches(FieldSubject subject) => !condition.Matches(subject);
    }

    /// <summary>The field equals one of the values, ignoring case; for a list field, one of its items does.</summary>
    public sealed class OneOf(EntityField field, IReadOnlyList<string> values) : ScopeCondition
    {
        public override bool Matches(FieldSubject subject) =>
            field.AnyValue(subject, value => values.Any(expected => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The field has no value (<c>field: null</c>).</summary>
    public sealed class Missing(EntityField field) : ScopeCondition
    {
        public override bool Matches(FieldSubject subject) => string.IsNullOrEmpty(field.ReadText(subject));
    }

    /// <summary>The field matches a regular expression; for a list field, one of its items does.</summary>
    public sealed class Matching(EntityField field, Regex regex) : ScopeCondition
    {
        public override bool Matches(FieldSubject subject) => field.AnyValue(subject, regex.IsMatch);
    }
}
