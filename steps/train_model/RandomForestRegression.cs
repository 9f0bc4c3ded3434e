using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace WinePipeline.Steps.TrainModel;

/// <summary>
/// The reference's scikit-learn RandomForestRegressor(n_estimators=200, max_features='sqrt',
/// min_samples_leaf=2, min_samples_split=4, random_state=42) expressed as an ML.NET FastForest.
/// </summary>
public static class RandomForestRegression
{
    public const int Seed = 42;

    public static FastForestRegressionTrainer.Options Options() => new()
    {
        NumberOfTrees = 200, // n_estimators=200
        NumberOfLeaves = 1000, // max_depth=None: FastForest grows leaf-wise to a leaf cap (default 20); 1000 is effectively unlimited here
        MinimumExampleCountPerLeaf = 2, // min_samples_leaf=2 (which also makes min_samples_split=4 hold)
        FeatureFraction = 1.0, // every tree may use every feature, as in scikit-learn (FastForest's default is 0.7)
        FeatureFractionPerSplit = 0.27, // max_features='sqrt': sqrt(14)/14 = 0.27 of the features are candidates at each split
        BaggingExampleFraction = 0.7, // bootstrap=True: ML.NET bags without replacement; 0.7 is its closest to a bootstrap sample
        MaximumBinCountPerFeature = 1024, // scikit-learn splits on exact values; 1024 bins keep splits near-exact on our features
        NumberOfQuantileSamples = 0, // we predict the mean like scikit-learn, not quantiles; the samples would triple the model file
        Seed = Seed, // random_state=42
        FeatureSelectionSeed = Seed, // random_state=42 also drives the per-split feature sampling
        // NumberOfThreads stays at one per core: the threads only fill per-feature histograms in
        // disjoint slots and draw no random numbers, so runs are bit-identical (checked) and faster.
    };

    public static ITransformer Fit(MLContext ml, IDataView trainingData) =>
        ml.Regression.Trainers.FastForest(Options()).Fit(trainingData);
}
