using System.Security.Cryptography;
using System.Text;
using CommunityRules.Diagnostics;
using CommunityRules.Rules;
using Newtonsoft.Json;

namespace CommunityRules.History;

/// <summary>The hash of a rule set as it is in force, written out canonically (never from the files' text).</summary>
internal static class EffectiveRuleSetHash
{
    private static readonly JsonSerializerSettings OptionsSettings = new()
    {
        Formatting = Formatting.None,
        Culture = System.Globalization.CultureInfo.InvariantCulture,
        DateFormatHandling = DateFormatHandling.IsoDateFormat,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        ReferenceLoopHandling = ReferenceLoopHandling.Ignore,
    };

    public static string Compute(RuleSet ruleSet)
    {
        var text = new StringBuilder();
        text.Append("profile=").Append(ruleSet.Profile).Append('\n');
        foreach (var rule in ruleSet.Rules.OrderBy(rule => rule.Id, StringComparer.Ordinal))
        {
            text.Append("rule=").Append(rule.Id).Append(" check=").Append(rule.CheckKind).Append('\n');
            foreach (var descriptor in rule.Descriptors)
            {
                Describe(text, descriptor, ruleSet.GetSeverity(descriptor));
            }

            foreach (var target in rule.TargetBindings)
            {
                text.Append(" target=").Append(target.Kind).Append(" as=").Append(target.Descriptor.Id)
                    .Append(" where=").Append(target.Scope.Describe()).Append('\n');
            }

            text.Append(" options=").Append(JsonConvert.SerializeObject(rule.Options, OptionsSettings)).Append('\n');
        }

        foreach (var exemption in ruleSet.Exemptions
                     .OrderBy(e => e.RuleId, StringComparer.Ordinal)
                     .ThenBy(e => e.Target, StringComparer.Ordinal)
                     .ThenBy(e => e.Expires))
        {
            text.Append("exempt=").Append(exemption.RuleId).Append(' ').Append(exemption.Target)
                .Append(" until=").Append(exemption.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                .Append(" owner=").Append(exemption.Owner)
                .Append(" because=").Append(exemption.Justification).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Describe(StringBuilder text, RuleDescriptor descriptor, Severity severity) =>
        text.Append(" id=").Append(descriptor.Id)
            .Append(" severity=").Append((int)severity)
            .Append(" category=").Append(descriptor.Category)
            .Append(" title=").Append(descriptor.Title)
            .Append(" message=").Append(descriptor.MessageFormat).Append('\n');
}
