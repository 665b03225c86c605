// The tenant part as written: functions in order, shared needs once, unplaced resources in a comment,
// other regions' components before the tenant.
#include "importer/tenant_part_writer.hpp"

#include <catch2/catch.hpp>

namespace i = outagesim::importer;

TEST_CASE("the tenant part lists functions, k-of-n needs, other regions and what was not placed") {
  i::ImportedStack stack;
  stack.mapped.push_back(
      {{"aws_instance.a[0]", "aws_instance.a[1]"}, "compute", "web", {1, {"ec2-a", "ec2-b"}}});
  stack.mapped.push_back({{"aws_lb.l"}, "load-balancer", "web", {1, {"alb"}}});
  stack.mapped.push_back({{"aws_db_instance.d"}, "database", "orders", {1, {"rds-a", "database-us-west-2"}}});
  stack.mapped.push_back({{"aws_instance.b"}, "compute", "web", {1, {"alb"}}});
  stack.unmapped.push_back({"aws_s3_bucket.s", "no S3\nhere"});
  stack.supporting.push_back("aws_subnet.a");
  stack.external.push_back({"database-us-west-2", "compute", "us-west-2"});
  stack.data_sources = 2;
  CHECK(i::tenant_part_yaml(stack, {"shop", "s.json", "t.yaml", "aws", "ap-northeast-1"}) ==
        R"(# Imported by `outagesim import terraform` from s.json
# against the region template t.yaml (aws ap-northeast-1).
# A tenant part: `outagesim run SCENARIO --tenant-file THIS_FILE` (docs/my-stack.md). One variant-free
# tenant; add `variants:` here to compare recovery strategies (docs/strategies.md).
#
# Not placed (also named on stderr); nothing below needs them:
#   aws_s3_bucket.s: no S3\x0Ahere
#
# Read for other resources or configuration only, no need of their own:
#   aws_subnet.a
#
# Data sources skipped: 2

# Other regions the replicas live in: nothing in a scenario of this region reaches them.
components:
  - {name: database-us-west-2, kind: compute, zone: us-west-2}

tenants:
  - name: shop
    functions:
      - name: web
        needs:
          - {k: 1, of: [ec2-a, ec2-b]}    # compute: aws_instance.a[0], aws_instance.a[1]
          - alb    # load-balancer: aws_lb.l, aws_instance.b
      - name: orders
        needs:
          - {k: 1, of: [rds-a, database-us-west-2]}    # database: aws_db_instance.d
)");
}

TEST_CASE("a component name that is not plain YAML is quoted") {
  i::ImportedStack stack;
  stack.mapped.push_back({{"aws_instance.a"}, "compute", "web", {1, {"ec2: \"a\" #1"}}});
  CHECK(
      i::tenant_part_yaml(stack, {"shop", "s", "t", "aws", "r"}).find(R"(- "ec2: \"a\" #1"    # compute)") !=
      std::string::npos);
}
