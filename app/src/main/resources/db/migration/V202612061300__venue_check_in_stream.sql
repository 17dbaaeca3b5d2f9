-- Distributed mode (gridguard.stream.mode=kafka): each check-in row written from the Kafka topic carries its place in
-- the stream, so that a tracing node can read back exactly the history the topic no longer holds; rows written in
-- single-node mode leave both empty. Adding nullable columns without a default rewrites no partition.
ALTER TABLE venue_check_in ADD COLUMN stream_partition integer, ADD COLUMN stream_offset bigint;

-- How far the history consumer has written each partition of the topic, in the transaction that writes the rows.
CREATE TABLE venue_stream_position (
    topic text NOT NULL,
    stream_partition integer NOT NULL,
    next_offset bigint NOT NULL,
    PRIMARY KEY (topic, stream_partition)
);
