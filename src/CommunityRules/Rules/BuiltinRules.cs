using CommunityRules.Data;
using CommunityRules.Diagnostics;

namespace CommunityRules.Rules;

/// <summary>The rules the engine itself reports: problems in the data and in the configuration. Their severities can be overridden like any rule's.</summary>
internal static class BuiltinRules
{
    private static readonly Uri Help = new("https://github.com/communityrules/communityrules/blob/main/docs/snapshot-format.md");

    public static readonly RuleDescriptor MalformedRecord = new(
        "CR0001", "A record could not be read", "{reason}", "data", Severity.Warning,
        description: "A line of the data is not valid JSON, has a field of the wrong type or lacks a required field. The record was left out of the run.",
        helpLink: Help);

    public static readonly RuleDescriptor UnknownReference = new(
        "CR0002", "A record refers to something the network does not have", "{reason}", "data", Severity.Warning,
        description: "A post, comment, membership or reaction names a person, group, post or comment that is not in the data. The record was kept.",
        helpLink: Help);

    public static readonly RuleDescriptor DuplicateId = new(
        "CR0003", "Two records have the same identifier", "{reason}", "data", Severity.Warning,
        description: "A record has the identifier of an earlier one. The later record was left out.",
        helpLink: Help);

    public static readonly RuleDescriptor RegexTimeout = new(
        "CR0004", "A rule's regular expression ran too long", "{reason}", "configuration", Severity.Warning,
        description: "A regular expression in a rule took longer than its time limit on one record, so the rule was skipped for that record. Simplify the pattern: avoid nested repetition such as (a+)+.",
        helpLink: new Uri("https://github.com/communityrules/communityrules/blob/main/docs/rule-language.md#safety"));

    public static readonly RuleDescriptor CheckFailed = new(
        "CR0005", "A check failed", "{reason}", "configuration", Severity.Error,
        description: "The code of a check threw an error on a record, so its rule was skipped there; after repeated failures the rule is switched off for the rest of the run. The other rules ran. This is a bug in the check: report it to the check's author with the message.",
        helpLink: new Uri("https://github.com/communityrules/communityrules/blob/main/docs/extending.md#when-a-check-fails"));

    public static readonly RuleDescriptor RuleSwitchedOff = new(
        "CR0006", "A rule was switched off", "{reason}", "configuration", Severity.Error,
        description: "A rule's regular expression ran past its time limit on too many records (10 by default), so the rule was switched off for the rest of the run and its findings are incomplete. Simplify the pattern: avoid nested repetition such as (a+)+.",
        helpLink: new Uri("https://github.com/communityrules/communityrules/blob/main/docs/errors.md#cr0006"));

    public static readonly RuleDescriptor ExpiredExemption = new(
        "CR0100", "An exemption has expired", "The exemption of {rule} for '{target}' expired on {expires}; renew it with a new date and justification, or remove it", "configuration", Severity.Warning,
        description: "An exemption past its expiry date no longer suppresses anything; the findings it covered are reported again.",
        helpLink: new Uri("https://github.com/communityrules/communityrules/blob/main/docs/rule-language.md#exemptions"));

    public static readonly IReadOnlyList<RuleDescriptor> All = [MalformedRecord, UnknownReference, DuplicateId, RegexTimeout, CheckFailed, RuleSwitchedOff, ExpiredExemption];

    public static RuleDescriptor For(DataIssueKind kind) => kind switch
    {
        DataIssueKind.MalformedRecord => MalformedRecord,
        DataIssueKind.UnknownReference => UnknownReference,
        _ => DuplicateId,
    };
}
