using System.Diagnostics.CodeAnalysis;

// Deliberate exceptions to the public API analyzers (docs/api.md); every other member follows them.

// Check's own constructor is private protected so that every check derives from Check<TOptions>, whose implied
// protected constructor is the one way in: that is the design, not an accident of inheritance.
[assembly: SuppressMessage("ApiDesign", "RS0022:Constructor make noninheritable base class inheritable", Scope = "type", Target = "~T:CommunityRules.Checks.Check`1", Justification = "Check<TOptions> is the base class checks derive from.")]

// The overloads differ in their first, required parameter (a post or a comment; a fixed or a live rule set), so a call
// never binds ambiguously; RS0026 stays on for every new member.
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Scope = "member", Target = "~M:CommunityRules.PostChecker.#ctor(CommunityRules.Rules.RuleSet,System.TimeProvider)", Justification = "Overloads differ in their required first parameter.")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Scope = "member", Target = "~M:CommunityRules.PostChecker.#ctor(CommunityRules.LiveRuleSet,System.TimeProvider)", Justification = "Overloads differ in their required first parameter.")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Scope = "member", Target = "~M:CommunityRules.PostChecker.Check(CommunityRules.Model.Post,CommunityRules.Model.Group)~System.Collections.Generic.IReadOnlyList{CommunityRules.Diagnostics.Diagnostic}", Justification = "Overloads differ in their required first parameter.")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Scope = "member", Target = "~M:CommunityRules.PostChecker.Check(CommunityRules.Model.Comment,CommunityRules.Model.Group)~System.Collections.Generic.IReadOnlyList{CommunityRules.Diagnostics.Diagnostic}", Justification = "Overloads differ in their required first parameter.")]
