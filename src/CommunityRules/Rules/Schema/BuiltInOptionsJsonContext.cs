using System.Text.Json.Serialization;
using CommunityRules.Checks.BuiltIn;

namespace CommunityRules.Rules.Schema;

/// <summary>
/// Source-generated JSON metadata for the built-in checks' options, so reading a rule's <c>options:</c> compiles
/// ahead of time (ReadyToRun) instead of reflecting over the class and emitting its setters in every run. Names and
/// enums follow <see cref="OptionsSchemas.SerializerOptions"/>, whose converters and unmapped-member handling apply
/// at run time; a check of the library's users falls back to reflection.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AdminsOptions))]
[JsonSerializable(typeof(CreationOptions))]
[JsonSerializable(typeof(CrossPostingOptions))]
[JsonSerializable(typeof(DescriptionOptions))]
[JsonSerializable(typeof(DuplicatesOptions))]
[JsonSerializable(typeof(InactivityOptions))]
[JsonSerializable(typeof(LeadershipOptions))]
[JsonSerializable(typeof(LengthOptions))]
[JsonSerializable(typeof(LinksOptions))]
[JsonSerializable(typeof(MembershipOptions))]
[JsonSerializable(typeof(NamingOptions))]
[JsonSerializable(typeof(PatternsOptions))]
[JsonSerializable(typeof(PersonalDataOptions))]
[JsonSerializable(typeof(PlacementOptions))]
[JsonSerializable(typeof(PrivacyOptions))]
[JsonSerializable(typeof(ShoutingOptions))]
[JsonSerializable(typeof(TermsOptions))]
[JsonSerializable(typeof(UnansweredOptions))]
internal sealed partial class BuiltInOptionsJsonContext : JsonSerializerContext;
