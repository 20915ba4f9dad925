using Ocop.Web.Data;

namespace Ocop.Web.Features.Support;

/// <summary>The use cases that change the registers of section III: each form translates one of them, nothing else writes.</summary>
public static class RegisterUseCases
{
    public static IServiceCollection AddRegisterUseCases(this IServiceCollection services)
    {
        services.AddScoped(typeof(SaveRegisterEntry<,>));
        // The rules hold no state: one of each serves every request.
        services.AddSingleton<RegisterRules<EcommerceListing, Promotion.ListingRules.ListingInput>, Promotion.ListingRules>();
        services.AddSingleton<RegisterRules<TourismRoute, Promotion.RouteRules.RouteInput>, Promotion.RouteRules>();
        services.AddSingleton<RegisterRules<SalesPoint, Promotion.SalesPointRules.PointInput>, Promotion.SalesPointRules>();
        services.AddSingleton<RegisterRules<TourismPoint, Promotion.TourismPointRules.PointInput>, Promotion.TourismPointRules>();
        services.AddSingleton<RegisterRules<TradeFair, Promotion.FairRules.FairInput>, Promotion.FairRules>();
        services.AddSingleton<RegisterRules<IpTitle, Protection.TitleRules.TitleInput>, Protection.TitleRules>();
        services.AddSingleton<RegisterRules<ProductTraceability, Protection.TraceabilityRules.TraceInput>, Protection.TraceabilityRules>();
        services.AddSingleton<RegisterRules<TrainingEvent, Training.TrainingRules.EventInput>, Training.TrainingRules>();
        services.AddSingleton<RegisterRules<RawMaterialArea, ValueChains.AreaRules.AreaInput>, ValueChains.AreaRules>();
        services.AddSingleton<RegisterRules<Reward, ValueChains.RewardRules.RewardInput>, ValueChains.RewardRules>();
        services.AddSingleton<RegisterRules<BudgetAllocation, BudgetRules.AllocationInput>, BudgetRules>();
        services.AddSingleton<RegisterRules<SupportPolicy, PolicyRules.PolicyInput>, PolicyRules>();
        return services;
    }
}
