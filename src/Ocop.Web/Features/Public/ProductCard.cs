namespace Ocop.Web.Features.Public;

/// <summary>One product in a list of cards (catalog, home, the producer's other products).</summary>
public sealed record ProductCard(PublicProduct Product, PublicText T);
