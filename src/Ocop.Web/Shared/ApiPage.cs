namespace Ocop.Web.Shared;

/// <summary>One page of an API list, with what a client needs to ask for the next one.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
