using CommunityRules.Diagnostics;

namespace CommunityRules.Rules;

/// <summary>
/// Severity overrides with Roslyn's precedence: a rule's id over its category over the default. Only an id setting can
/// turn on a rule that is off by default. An active profile's settings are consulted first, then the base ones.
/// </summary>
internal sealed class SeverityConfiguration
{
    public static readonly SeverityConfiguration Empty = new(new Dictionary<string, Severity>(), null);

    private readonly IReadOnlyDictionary<string, Severity> _settings;
    private readonly SeverityConfiguration? _fallback;

    public SeverityConfiguration(IReadOnlyDictionary<string, Severity> settings, SeverityConfiguration? fallback)
    {
        _settings = settings;
        _fallback = fallback;
    }

    public const string DefaultKey = "default";
    public const string CategoryPrefix = "category:";

    public Severity Resolve(RuleDescriptor rule) => TryResolve(rule) ?? (rule.IsEnabledByDefault ? rule.DefaultSeverity : Severity.None);

    private Severity? TryResolve(RuleDescriptor rule)
    {
        if (_settings.TryGetValue(rule.Id, out var byId))
        {
            return byId;
        }

        if (rule.IsEnabledByDefault)
        {
            if (_settings.TryGetValue(CategoryPrefix + rule.Category, out var byCategory))
            {
                return byCategory;
            }

            if (_settings.TryGetValue(DefaultKey, out var byDefault))
            {
                return byDefault;
            }
        }

        return _fallback?.TryResolve(rule);
    }
}
