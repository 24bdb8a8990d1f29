"""Live play over the network: the room's WebSocket server and the players' client."""
