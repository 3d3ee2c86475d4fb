// ---------------------------------------------------------------------------------------------------------------------
// PLACE FOR THE DETECTOR CHECK
//
// Once the public text-detector API is merged, this file gets a check that adds a detector to the shared matcher (an
// employee number with a checksum, as in docs/extending.md), with a rule in consumer-rules.yaml, and Program.cs and
// PackageConsumerTests assert its findings. Until then the file is empty on purpose: no stub and no test for it.
// ---------------------------------------------------------------------------------------------------------------------
