using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests.Evaluation;

public class LawJsonTests
{
    [Fact]
    public void Every_real_scoresheet_reads_back_exactly_as_written()
    {
        foreach (var (file, basis) in new[] { ("scoresheets-148.json", LegalBases.Decision148Of2023), ("scoresheets-26-2026.json", LegalBases.Decision26Of2026) })
        {
            var read = ScoresheetReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Evaluation", "Data", file)), basis);
            Assert.Equal(26, read.Sheets.Count);
            foreach (var sheet in read.Sheets)
            {
                var again = LawJson.Read<Scoresheet>(LawJson.Write(sheet));
                Assert.Equal(LawJson.Write(sheet), LawJson.Write(again));
                Assert.Equal(sheet.TotalMax, again.TotalMax);
                Assert.Equal(sheet.ScoredCriteria.Count(), again.ScoredCriteria.Count());
                Assert.Equal(ScoresheetChecks.ForPublishing(sheet, basis).Count, ScoresheetChecks.ForPublishing(again, basis).Count);
            }
        }
    }

    [Fact]
    public void Legal_bases_and_processes_read_back_with_their_bands_and_levels()
    {
        foreach (var basis in LegalBases.All)
        {
            var again = LawJson.Read<LegalBasis>(LawJson.Write(basis));
            Assert.Equal(LawJson.Write(basis), LawJson.Write(again));
            Assert.Equal(basis.TotalPoints, again.TotalPoints);
            Assert.Equal(basis.StarForScore(MeanScore.OfOne(Points.FromWhole(70))), again.StarForScore(MeanScore.OfOne(Points.FromWhole(70))));
        }

        foreach (var process in EvaluationProcesses.All)
        {
            var again = LawJson.Read<EvaluationProcess>(LawJson.Write(process));
            Assert.Equal(LawJson.Write(process), LawJson.Write(again));
        }
    }

    [Fact]
    public void Points_are_written_as_people_read_them()
    {
        var json = LawJson.Write(new ScoreOption(1, "Có", new Points(45), 4));
        Assert.Contains("\"Points\":4.5", json, StringComparison.Ordinal);
        Assert.Equal(new Points(45), LawJson.Read<ScoreOption>(json).Points);
    }
}
