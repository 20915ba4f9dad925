using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Planning;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Planning;

/// <summary>
/// Plan 46's targets for the former Châu Thành district (its communes: what the district held) computed here with the core over every fact read straight from
/// the database (subjects with their dated facts, products, certificates, villages, support), not through the app.
/// </summary>
public static class ExpectedFigures
{
    public static Task<Dictionary<string, MeasureResult>> Plan46Async(AppFixture app, DateOnly at) => app.QueryAsync(async db =>
    {
        var district = await db.Units.SingleAsync(u => u.Code == "847");
        // What the former district held: its communes (records since 1 July 2025 lie under the communes of today).
        var communes = (await db.Units.Where(u => u.ParentId == district.Id).Select(u => u.Id).ToListAsync()).ToHashSet();
        var forms = (await db.Set<SubjectLegalFormPeriod>().ToListAsync()).ToLookup(p => p.SubjectId, p => p.ToFact());
        var greens = (await db.Set<SubjectGreenChainPeriod>().ToListAsync()).ToLookup(p => p.SubjectId, p => p.ToFact().Period);
        var channels = (await db.Set<SubjectChannelPeriod>().ToListAsync()).ToLookup(p => p.SubjectId, p => p.ToFact());
        var certificates = await db.Certificates.AsNoTracking().ToListAsync();
        var facts = new PlanFacts(
            (await db.Subjects.AsNoTracking().ToListAsync()).Select(s => new SubjectFact(s.Id, s.CommuneId, s.RegisteredOn, s.IsArchived, s.WomenLed, s.WorkersTotal, s.WorkersTrained, s.CraftVillageId)
            {
                LegalForms = [.. forms[s.Id]],
                GreenValueChain = [.. greens[s.Id]],
                Channels = [.. channels[s.Id]],
            }).ToList(),
            await db.Products.Select(p => new ProductFact(p.Id, p.SubjectId, p.CommuneId, p.CategoryId, p.Status == ProductStatus.Archived)).ToListAsync(),
            certificates.Select(c => new CertificateFact(c.Id, c.ProductId, c.Stars, c.IssuedOn, c.ExpiresOn, c.RevokedOn,
                certificates.FirstOrDefault(x => x.Id == c.SupersededById)?.IssuedOn, c.ReevaluationFiledOn, c.ReevaluationDecidedOn)).ToList(),
            await db.CraftVillages.Select(v => new CraftVillageFact(v.Id, v.CommuneId, v.IsTraditional, v.IsArchived, v.RecognisedOn, v.EndedOn)).ToListAsync(),
            await db.SupportRecords.Select(r => new SupportFact(r.Id, r.SubjectId, r.Product != null ? r.Product.CommuneId : r.Subject!.CommuneId, r.Kind, r.On, r.IsArchived, r.ProductId)).ToListAsync());
        var processes = (await db.EvaluationProcesses.ToListAsync()).Select(p => p.ToModel()).ToList();
        var policy = (EvaluationProcesses.InForceOn(at, processes) ?? processes.MinBy(p => p.EffectiveFrom)!).Certificates;
        var plan = await db.Plans.Include(p => p.Targets).ThenInclude(t => t.Indicator).SingleAsync(p => p.Number == "46/KH-UBND");
        var context = new MeasureContext(at, plan.PeriodFrom, policy);
        return plan.Targets.ToDictionary(t => t.Code, t => IndicatorEvaluation.Evaluate(t.Indicator!.ToDefinition(), facts.Within(communes), context));
    });
}
